package com.aimabledocs.artifacts.adapters.rest;

import java.util.List;

/** A failure of the HTTP exchange itself (body too large, not JSON, fields missing), not of the domain. */
public final class ApiProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<Problem.FieldError> errors;

    public ApiProblemException(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public ApiProblemException(int status, String code, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
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

    static ApiProblemException payloadTooLarge(long limit) {
        return new ApiProblemException(413, "payload_too_large", "request bodies are limited to " + limit + " bytes");
    }
}
