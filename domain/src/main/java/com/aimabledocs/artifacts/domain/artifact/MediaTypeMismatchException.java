package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The declared media type contradicts the bytes, and the space refuses that ({@code media_type_mismatch}). */
public final class MediaTypeMismatchException extends DomainException {

    public static final String CODE = "media_type_mismatch";

    public MediaTypeMismatchException(MediaType declared, MediaType detected) {
        super(CODE, "the content is %s, not the declared %s".formatted(detected.value(), declared.value()));
    }
}
