package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The bytes received do not match the {@code content_sha256} the client declared. */
public final class ContentDigestMismatchException extends DomainException {

    public ContentDigestMismatchException() {
        super("content_sha256_mismatch", "content does not match content_sha256");
    }
}
