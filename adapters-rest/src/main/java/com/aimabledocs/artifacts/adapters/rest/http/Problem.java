package com.aimabledocs.artifacts.adapters.rest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, with the stable {@code code} clients branch on and the request ID to
 * quote when they ask for help.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      String requestId, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:aimabledocs:artifacts:problem:";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String code, String title, String detail, String instance, String requestId,
                      List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + code, title, status, detail, instance, code, requestId,
                errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }
}
