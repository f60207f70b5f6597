package com.aimabledocs.artifacts.adapters.rest.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A failure of the HTTP exchange itself (body too large, not JSON, fields missing), not of the domain. */
public final class ApiProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ApiProblemException(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiProblemException(int status, String code, String detail, List<Problem.FieldError> errors) {
        this(status, code, detail, errors, Map.of());
    }

    private ApiProblemException(int status, String code, String detail, List<Problem.FieldError> errors,
                                Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    /** The same problem, answered with one more response header. */
    public ApiProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiProblemException(status, code, getMessage(), errors, more);
    }

    /** Response headers the answer carries besides the problem document. */
    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public static ApiProblemException payloadTooLarge(long limit) {
        return new ApiProblemException(413, "payload_too_large", "request bodies are limited to " + limit + " bytes");
    }
}
