package com.aimabledocs.artifacts.clients;

import static com.aimabledocs.artifacts.clients.WorkflowChecks.check;

import com.aimabledocs.artifacts.client.ApiException;
import com.aimabledocs.artifacts.client.model.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Errors as a client sees them: the generated ApiException, its problem+json body read into the generated Problem. */
final class TypedErrors {

    private final ObjectMapper json;

    TypedErrors(ObjectMapper json) {
        this.json = json;
    }

    @FunctionalInterface
    interface Call {
        void run() throws ApiException;
    }

    Problem expectProblem(int status, Call call) throws IOException {
        try {
            call.run();
        } catch (ApiException e) {
            return problem(e, status);
        }
        throw new AssertionError("expected HTTP " + status + ", the call succeeded");
    }

    /** The typed error: ApiException's status, and its problem+json body read into the generated Problem model. */
    Problem problem(ApiException e, int expectedStatus) throws IOException {
        check(e.getCode() == expectedStatus, "expected HTTP " + expectedStatus + ", got " + e.getCode() + ": " + e.getResponseBody());
        String contentType = e.getResponseHeaders().firstValue("Content-Type").orElse("");
        check(contentType.startsWith("application/problem+json"), "error Content-Type " + contentType);
        Problem problem = json.readValue(e.getResponseBody(), Problem.class);
        check(problem.getStatus() != null && problem.getStatus() == expectedStatus, "problem status " + problem.getStatus());
        return problem;
    }
}
