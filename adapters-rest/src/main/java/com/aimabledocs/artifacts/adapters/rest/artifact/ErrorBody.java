package com.aimabledocs.artifacts.adapters.rest.artifact;

import com.aimabledocs.artifacts.domain.shared.FailureReason;

/** Why a job or an artifact failed. */
public record ErrorBody(String code, String message) {

    static ErrorBody of(FailureReason reason) {
        return new ErrorBody(reason.code(), reason.message());
    }
}
