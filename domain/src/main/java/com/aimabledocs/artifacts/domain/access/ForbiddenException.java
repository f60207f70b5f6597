package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The caller is known but its key lacks the scope the operation needs. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(Scope missing) {
        super("forbidden", "this API key lacks the scope " + missing.wireName());
    }
}
