package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.adapters.rest.http.JsonObjectBody;
import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON bodies of the endpoint routes and lists every field of the wrong shape at once
 * ({@code 400 validation_failed} with {@code errors}); what the values mean (a valid URL, known event types) is
 * the use case's to judge. A field the route does not know is refused too: a mistyped {@code "enable": false}
 * in a PATCH must not pass for a change that did nothing.
 */
final class WebhookRequestReader {


    record NewEndpoint(String url, List<String> eventTypes, Optional<String> description) {
    }

    /** A PATCH: an absent field is empty; {@code description: null} is present and empty (removed). */
    record Changes(Optional<String> url, Optional<List<String>> eventTypes, Optional<Optional<String>> description,
                   Optional<Boolean> enabled) {
    }

    private final ObjectMapper json;

    WebhookRequestReader(ObjectMapper json) {
        this.json = json;
    }

    NewEndpoint readNewEndpoint(InputStream body) {
        JsonNode root = JsonObjectBody.read(json, body);
        List<Problem.FieldError> errors = new ArrayList<>();
        unknownFields(root, Set.of("url", "event_types", "description"), errors);
        JsonNode url = root.get("url");
        if (url == null || url.isNull()) {
            errors.add(new Problem.FieldError("url", "url is required: the https URL deliveries are sent to"));
        } else if (!url.isTextual()) {
            errors.add(new Problem.FieldError("url", "url must be a string"));
        }
        JsonNode types = root.get("event_types");
        List<String> eventTypes = List.of();
        if (types == null || types.isNull()) {
            errors.add(new Problem.FieldError("event_types", "event_types is required: a non-empty array of event types"));
        } else {
            eventTypes = strings(types, errors);
        }
        Optional<String> description = description(root, errors).orElse(Optional.empty());
        JsonObjectBody.failIfAny(errors);
        return new NewEndpoint(url.textValue(), eventTypes, description);
    }

    Changes readChanges(InputStream body) {
        JsonNode root = JsonObjectBody.read(json, body);
        List<Problem.FieldError> errors = new ArrayList<>();
        unknownFields(root, Set.of("url", "event_types", "description", "enabled"), errors);
        Optional<String> url = Optional.empty();
        JsonNode urlNode = root.get("url");
        if (urlNode != null) {
            if (urlNode.isTextual()) {
                url = Optional.of(urlNode.textValue());
            } else {
                errors.add(new Problem.FieldError("url", "url must be a string (it cannot be removed)"));
            }
        }
        Optional<List<String>> eventTypes = Optional.empty();
        JsonNode types = root.get("event_types");
        if (types != null) {
            eventTypes = Optional.of(strings(types, errors));
        }
        Optional<Boolean> enabled = Optional.empty();
        JsonNode enabledNode = root.get("enabled");
        if (enabledNode != null) {
            if (enabledNode.isBoolean()) {
                enabled = Optional.of(enabledNode.booleanValue());
            } else {
                errors.add(new Problem.FieldError("enabled", "enabled must be true or false"));
            }
        }
        Optional<Optional<String>> description = description(root, errors);
        JsonObjectBody.failIfAny(errors);
        return new Changes(url, eventTypes, description, enabled);
    }

    private static List<String> strings(JsonNode types, List<Problem.FieldError> errors) {
        if (!types.isArray()) {
            errors.add(new Problem.FieldError("event_types", "event_types must be an array of event types"));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).isTextual()) {
                names.add(types.get(i).textValue());
            } else {
                errors.add(new Problem.FieldError("event_types[" + i + "]", "an event type is a string"));
            }
        }
        return names;
    }

    /** Empty when absent; present and empty when null. */
    private static Optional<Optional<String>> description(JsonNode root, List<Problem.FieldError> errors) {
        JsonNode node = root.get("description");
        if (node == null) {
            return Optional.empty();
        }
        if (node.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!node.isTextual()) {
            errors.add(new Problem.FieldError("description", "description must be a string or null"));
            return Optional.empty();
        }
        return Optional.of(Optional.of(node.textValue()));
    }

    private static void unknownFields(JsonNode root, Set<String> known, List<Problem.FieldError> errors) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(new Problem.FieldError(name, "unknown field; the fields are " + String.join(", ",
                        known.stream().sorted().toList())));
            }
        }
    }

}
