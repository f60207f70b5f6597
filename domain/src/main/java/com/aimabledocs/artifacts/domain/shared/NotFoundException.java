package com.aimabledocs.artifacts.domain.shared;

/** Something the caller named does not exist, or is not visible to the caller (both look the same). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("not_found", "%s %s was not found".formatted(what, id));
    }
}
