package com.aimabledocs.artifacts.adapters.messaging.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The Kafka contract written down in {@code docs/asyncapi.yaml}, as tests check it: every message a test
 * produces to, or reads from, the generation-requests, events or dead-letter topic goes through
 * {@link #assertConforms}, which fails the test on any violation of the JSON Schemas of the document.
 *
 * <p>The document is read from the file itself, never from a copy, and nothing of it is repeated here: a
 * channel's messages are the ones its {@code messages} list, each checked with its {@code payload} and
 * {@code headers} schemas ({@code $ref}s into {@code components} resolved by
 * com.networknt:json-schema-validator, draft 7, which the AsyncAPI 3 schema format extends). A record
 * conforms to a channel when it conforms to one of its messages. Kafka headers are checked as a JSON
 * object of their UTF-8 values (the last one of each name). A payload is parsed as JSON, refusing a key
 * given twice as the worker does, unless its message declares another {@code contentType}: then the value
 * is checked as text (the dead letters' payload is the original bytes, whatever they are).
 *
 * <p>Lives in adapters-messaging's test sources, published to the worker's tests by this module's
 * test-jar (see its pom): one class for every module whose tests see Kafka messages.
 */
public final class AsyncApiContract {

    /** Relative to the module directory, the working directory Surefire runs tests in. */
    public static final Path DOCUMENT = Path.of("../docs/asyncapi.yaml");
    /** Where the document is said to live, for the resolution of its {@code $ref}s. */
    private static final String DOCUMENT_IRI = "https://artifacts.aimabledocs.test/docs/asyncapi.yaml";
    private static final int SHOWN_VALUE_CHARS = 600;
    private static final Set<String> ASYNCAPI_KEYWORDS = Set.of("asyncapi", "info", "servers", "defaultContentType",
            "channels", "operations", "components", "discriminator", "externalDocs", "deprecated");

    /** The channels of the document, by their IDs there. */
    public enum Channel {
        GENERATION_REQUESTS("generationRequests"),
        LIFECYCLE_EVENTS("lifecycleEvents"),
        DEAD_LETTERS("deadLetters"),
        WEBHOOK_DELIVERIES("webhookDeliveries");

        private final String id;

        Channel(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private static final class Loaded {
        private static final AsyncApiContract CONTRACT = load(DOCUMENT);
    }

    /** One message of the document: its schemas, compiled. */
    private record MessageSchemas(String name, JsonSchema payload, Optional<JsonSchema> headers, boolean json) {
    }

    private final JsonNode document;
    private final Map<String, MessageSchemas> messages;
    private final ObjectMapper strictJson = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private AsyncApiContract(JsonNode document, Map<String, MessageSchemas> messages) {
        this.document = document;
        this.messages = messages;
    }

    /** The contract of {@link #DOCUMENT}, read once per test JVM. */
    public static AsyncApiContract get() {
        return Loaded.CONTRACT;
    }

    static AsyncApiContract load(Path file) {
        String text;
        JsonNode document;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            document = new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the AsyncAPI document " + file.toAbsolutePath()
                    + " (tests run in their module's directory)", e);
        }
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .unknownKeywordFactory(AsyncApiContract::asyncApiKeyword)
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7, builder -> builder
                .metaSchema(draft7)
                .schemaLoaders(loaders -> loaders.schemas(Map.of(DOCUMENT_IRI, text))));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        String defaultContentType = document.path("defaultContentType").asText("application/json");
        Map<String, MessageSchemas> messages = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("components").path("messages").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> message = it.next();
            String pointer = "#/components/messages/" + message.getKey();
            if (!message.getValue().has("payload")) {
                throw new IllegalStateException("message " + message.getKey() + " has no payload schema");
            }
            JsonSchema payload = factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + pointer + "/payload"), config);
            Optional<JsonSchema> headers = message.getValue().has("headers")
                    ? Optional.of(factory.getSchema(SchemaLocation.of(DOCUMENT_IRI + pointer + "/headers"), config))
                    : Optional.empty();
            payload.initializeValidators();
            headers.ifPresent(JsonSchema::initializeValidators);
            boolean json = message.getValue().path("contentType").asText(defaultContentType).equals("application/json");
            messages.put(message.getKey(), new MessageSchemas(message.getKey(), payload, headers, json));
        }
        return new AsyncApiContract(document, messages);
    }

    /**
     * The document's own fields (the schemas live inside it) and the AsyncAPI additions to the schema object
     * are annotations; any other keyword the draft does not know is a mistake (a misspelt {@code maxLength}
     * would otherwise check nothing), so it fails the loading of the document.
     */
    private static Keyword asyncApiKeyword(String keyword, ValidationContext context) {
        if (ASYNCAPI_KEYWORDS.contains(keyword)) {
            return new AnnotationKeyword(keyword);
        }
        throw new IllegalStateException("unknown JSON Schema keyword '" + keyword + "' in " + DOCUMENT);
    }

    /** The parsed document, for tests that look at what it says. */
    public JsonNode document() {
        return document;
    }

    /** The names (keys under {@code components/messages}) of the messages the channel carries. */
    public List<String> messagesOf(Channel channel) {
        JsonNode listed = document.path("channels").path(channel.id()).path("messages");
        if (listed.isEmpty()) {
            throw new IllegalStateException("channel " + channel.id() + " lists no messages in " + DOCUMENT);
        }
        List<String> names = new ArrayList<>();
        listed.forEach(reference -> {
            String ref = reference.path("$ref").asText();
            names.add(ref.substring(ref.lastIndexOf('/') + 1));
        });
        return names;
    }

    /** What is wrong with the value and headers as the named message; empty when they conform. */
    public List<String> violations(String messageName, byte[] value, Headers headers) {
        MessageSchemas message = messages.get(messageName);
        if (message == null) {
            throw new IllegalArgumentException("no message " + messageName + " in " + DOCUMENT);
        }
        List<String> violations = new ArrayList<>();
        if (value == null) {
            violations.add("payload: the record has no value");
        } else {
            Optional<JsonNode> payload = payload(message, value, violations);
            payload.ifPresent(node -> describe("payload", message.payload().validate(node), violations));
        }
        message.headers().ifPresent(schema -> describe("headers", schema.validate(headersAsJson(headers)), violations));
        return violations;
    }

    /** What is wrong with the value and headers as each message of the channel; empty when one conforms. */
    public Map<String, List<String>> violations(Channel channel, byte[] value, Headers headers) {
        Map<String, List<String>> byMessage = new LinkedHashMap<>();
        for (String message : messagesOf(channel)) {
            List<String> violations = violations(message, value, headers);
            if (violations.isEmpty()) {
                return Map.of();
            }
            byMessage.put(message, violations);
        }
        return byMessage;
    }

    /** Fails with every violation unless the value and headers conform to one message of the channel. */
    public void assertConforms(Channel channel, byte[] value, Headers headers, String where) {
        Map<String, List<String>> violations = violations(channel, value, headers);
        if (!violations.isEmpty()) {
            throw new AssertionError("a message " + where + " breaks the contract of channel " + channel.id() + " in "
                    + DOCUMENT + ":\n" + render(violations) + "\nvalue: " + shown(value) + "\nheaders: "
                    + headersAsJson(headers));
        }
    }

    public void assertConforms(Channel channel, ConsumerRecord<?, ?> record) {
        assertConforms(channel, bytes(record.value()), record.headers(),
                "read from %s-%d@%d (key %s)".formatted(record.topic(), record.partition(), record.offset(), shown(record.key())));
    }

    public void assertConforms(Channel channel, ProducerRecord<?, ?> record) {
        assertConforms(channel, bytes(record.value()), record.headers(),
                "about to be sent to %s (key %s)".formatted(record.topic(), shown(record.key())));
    }

    /**
     * For the records a test sends on purpose to see them refused: fails unless the contract refuses them
     * too, so that what the worker dead-letters as breaking the contract is what the document says breaks it.
     */
    public void assertBreaks(Channel channel, ProducerRecord<?, ?> record) {
        if (violations(channel, bytes(record.value()), record.headers()).isEmpty()) {
            throw new AssertionError("a message sent to " + record.topic() + " to be refused conforms to the contract of "
                    + "channel " + channel.id() + " in " + DOCUMENT + ": " + shown(bytes(record.value())));
        }
    }

    /** The value of a Kafka record as bytes: records are sent and read as byte arrays or strings. */
    public static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("a record value of type " + value.getClass().getName());
    }

    public static Headers noHeaders() {
        return new RecordHeaders();
    }

    private Optional<JsonNode> payload(MessageSchemas message, byte[] value, List<String> violations) {
        if (!message.json()) {
            return Optional.of(TextNode.valueOf(new String(value, StandardCharsets.UTF_8)));
        }
        try {
            JsonNode node = strictJson.readTree(value);
            if (node == null || node.isMissingNode()) {
                violations.add("payload: empty");
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (IOException e) {
            violations.add("payload: not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
            return Optional.empty();
        }
    }

    private static ObjectNode headersAsJson(Headers headers) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (headers != null) {
            for (Header header : headers) {
                if (header.value() == null) {
                    node.putNull(header.key());
                } else {
                    node.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                }
            }
        }
        return node;
    }

    private static void describe(String part, Set<ValidationMessage> found, List<String> violations) {
        found.stream().map(m -> part + ": " + m.getMessage()).sorted().forEach(violations::add);
    }

    private static String render(Map<String, List<String>> violations) {
        return violations.entrySet().stream()
                .map(e -> "  as " + e.getKey() + ":\n" + e.getValue().stream().map(v -> "    - " + v)
                        .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String shown(Object key) {
        return key instanceof byte[] bytes ? shown(bytes) : String.valueOf(key);
    }

    private static String shown(byte[] value) {
        if (value == null) {
            return "(none)";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() <= SHOWN_VALUE_CHARS ? text : text.substring(0, SHOWN_VALUE_CHARS) + "…";
    }
}
