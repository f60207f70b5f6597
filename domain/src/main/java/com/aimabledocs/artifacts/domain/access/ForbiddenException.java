package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/** The caller is known but may not do this: its key lacks the scope, or the operation is for admins only. */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(Scope missing) {
        super("forbidden", "this API key lacks the scope " + missing.wireName());
    }

    private ForbiddenException(String message) {
        super("forbidden", message);
    }

    /** An API key on an administration route of its own space (spaces and keys are managed by admins). */
    public static ForbiddenException adminOnly() {
        return new ForbiddenException("managing spaces and API keys needs the admin credential, not an API key");
    }
}
