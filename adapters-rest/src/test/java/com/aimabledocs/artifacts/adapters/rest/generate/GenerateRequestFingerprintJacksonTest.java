package com.aimabledocs.artifacts.adapters.rest.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.application.port.in.GenerateArtifactCommand;
import com.aimabledocs.artifacts.application.service.GenerateRequestFingerprint;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The application's hand-written canonical form gives the fingerprints this adapter computed with Jackson until
 * the computation moved to the use case, for every kind of character a name or a metadata value may hold
 * (escapes, controls, surrogate pairs, lone surrogates, line separators): stored records keep matching.
 */
class GenerateRequestFingerprintJacksonTest {

    /** Configured as the application's mapper is, in what could touch the output. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Characters worth trying: every escape class of JSON and of UTF-8. */
    private static final char[] INTERESTING = {'a', 'Z', '0', ' ', '"', '\\', '/', '\b', '\f', '\n', '\r', '\t',
            '\u0000', '\u0001', '\u001f', '\u007f', '\u0080', '\u009f', '\u00a0', '\u00e9', '\u07ff', '\u0800',
            '\u2028', '\u2029', '\u201c', '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000', '\ufeff',
            '\ufffd', '\uffff', '<', '>', '&', '\''};

    @Test
    void canonicalForm_givesJacksonsFingerprint_forAnyCharacters() throws Exception {
        Random random = new Random(20261204);
        for (int i = 0; i < 2_000; i++) {
            String name = printable(randomText(random, 1 + random.nextInt(40)));
            Map<String, String> metadata = new LinkedHashMap<>();
            for (int m = random.nextInt(4); m > 0; m--) {
                metadata.put("k" + random.nextInt(1000), randomText(random, random.nextInt(60)));
            }
            List<String> threads = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                threads.add("t-" + random.nextInt(5));
            }
            byte[] content = new byte[random.nextInt(100)];
            random.nextBytes(content);
            Optional<String> mediaType = random.nextBoolean() ? Optional.empty() : Optional.of("text/plain");
            DocumentType type = DocumentType.values()[random.nextInt(DocumentType.values().length)];

            GenerateArtifactCommand command = new GenerateArtifactCommand(
                    new Principal(ApiKeyId.of(UUID.randomUUID()), SpaceId.of(UUID.randomUUID()), Set.of(Scope.ARTIFACTS_WRITE)),
                    SpaceId.of(UUID.randomUUID()), new ArtifactName(name), type, threads.stream().map(ThreadId::new).toList(),
                    mediaType.map(MediaType::parse), new ArtifactMetadata(metadata), Optional.empty(),
                    new ByteArrayInputStream(content), content.length, Optional.empty());
            Sha256 sha256 = Sha256.ofDigest(MessageDigest.getInstance("SHA-256").digest(content));

            assertThat(GenerateRequestFingerprint.of(command, sha256)).as("name %s, metadata %s", escaped(name),
                    escaped(metadata.toString())).isEqualTo(asJacksonWroteIt(command, sha256));
        }
    }

    /** The fingerprint as GenerateRequestReader.ParsedRequest computed it, with the application's ObjectMapper. */
    private static String asJacksonWroteIt(GenerateArtifactCommand command, Sha256 contentSha256) throws Exception {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("name", command.name().value());
        canonical.put("type", command.documentType().wireName());
        canonical.put("thread_ids", command.threadIds().stream().map(ThreadId::value).toList());
        canonical.put("media_type", command.mediaType().map(MediaType::value).orElse(null));
        canonical.put("metadata", new TreeMap<>(command.metadata().entries()));
        canonical.put("content_sha256", contentSha256.hex());
        canonical.put("content_length", command.contentLength());
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(canonical)));
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append(INTERESTING[random.nextInt(INTERESTING.length)]);
                case 1 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a surrogate pair
                case 2 -> text.append((char) random.nextInt(0x10000)); // any UTF-16 unit, lone surrogates included
                default -> text.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return text.toString();
    }

    /** A name: no control characters, not blank. */
    private static String printable(String text) {
        String kept = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return kept.isBlank() ? "x" + kept : kept;
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
        return out.toString();
    }
}
