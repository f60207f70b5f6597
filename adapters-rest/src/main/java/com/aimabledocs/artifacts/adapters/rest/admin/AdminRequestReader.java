package com.aimabledocs.artifacts.adapters.rest.admin;

import com.aimabledocs.artifacts.adapters.rest.http.JsonObjectBody;
import com.aimabledocs.artifacts.adapters.rest.http.Problem;
import com.aimabledocs.artifacts.domain.access.ApiKeyName;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the small JSON bodies of the administration routes and lists every invalid field at once
 * ({@code 400 validation_failed} with {@code errors}).
 */
final class AdminRequestReader {

    /** Administration bodies are a few hundred bytes; anything far larger is refused before it is parsed. */
    private static final String KNOWN_SCOPES = Arrays.stream(Scope.values()).map(Scope::wireName)
            .collect(Collectors.joining(", "));

    record NewSpace(String name, MediaTypePolicy mediaTypePolicy) {
    }

    record NewApiKey(Optional<ApiKeyName> name, Set<Scope> scopes) {
    }

    private final ObjectMapper json;

    AdminRequestReader(ObjectMapper json) {
        this.json = json;
    }

    NewSpace readNewSpace(InputStream body) {
        JsonNode root = JsonObjectBody.read(json, body);
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonNode name = root.get("name");
        if (name == null || name.isNull()) {
            errors.add(new Problem.FieldError("name", "name is required"));
        } else if (!name.isTextual()) {
            errors.add(new Problem.FieldError("name", "name must be a string"));
        }
        MediaTypePolicy policy = MediaTypePolicy.DEFAULT;
        JsonNode policyNode = root.get("media_type_policy");
        if (policyNode != null && !policyNode.isNull()) {
            try {
                policy = MediaTypePolicy.fromWireName(policyNode.isTextual() ? policyNode.textValue() : policyNode.toString());
            } catch (InvalidValueException e) {
                errors.add(new Problem.FieldError("media_type_policy", e.getMessage()));
            }
        }
        JsonObjectBody.failIfAny(errors);
        return new NewSpace(name.textValue(), policy);
    }

    NewApiKey readNewApiKey(InputStream body) {
        JsonNode root = JsonObjectBody.read(json, body);
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<ApiKeyName> name = Optional.empty();
        JsonNode nameNode = root.get("name");
        if (nameNode != null && !nameNode.isNull()) {
            if (!nameNode.isTextual()) {
                errors.add(new Problem.FieldError("name", "name must be a string"));
            } else {
                try {
                    name = Optional.of(new ApiKeyName(nameNode.textValue()));
                } catch (InvalidValueException e) {
                    errors.add(new Problem.FieldError("name", e.getMessage()));
                }
            }
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        JsonNode scopesNode = root.get("scopes");
        if (scopesNode == null || scopesNode.isNull()) {
            errors.add(new Problem.FieldError("scopes", "scopes is required: a non-empty array of " + KNOWN_SCOPES));
        } else if (!scopesNode.isArray()) {
            errors.add(new Problem.FieldError("scopes", "scopes must be an array of " + KNOWN_SCOPES));
        } else if (scopesNode.isEmpty()) {
            errors.add(new Problem.FieldError("scopes", "an API key needs at least one scope: " + KNOWN_SCOPES));
        } else {
            for (int i = 0; i < scopesNode.size(); i++) {
                JsonNode scope = scopesNode.get(i);
                try {
                    if (!scope.isTextual()) {
                        throw new InvalidValueException("scope", "a scope is a string");
                    }
                    scopes.add(Scope.fromWireName(scope.textValue()));
                } catch (InvalidValueException e) {
                    errors.add(new Problem.FieldError("scopes[" + i + "]",
                            "unknown scope; the scopes are " + KNOWN_SCOPES));
                }
            }
        }
        JsonObjectBody.failIfAny(errors);
        return new NewApiKey(name, scopes);
    }

}
