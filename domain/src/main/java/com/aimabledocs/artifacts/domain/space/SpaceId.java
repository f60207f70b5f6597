package com.aimabledocs.artifacts.domain.space;

import com.aimabledocs.artifacts.domain.shared.Uuids;
import java.util.UUID;

/** Identifies a space. Server-made (UUIDv7, so IDs sort by creation time); opaque to clients. */
public record SpaceId(UUID value) {

    public SpaceId {
        Uuids.require("space_id", value);
    }

    public static SpaceId of(UUID value) {
        return new SpaceId(value);
    }

    /** Parses a client-supplied ID; a malformed one is an {@code invalid_space_id} error. */
    public static SpaceId parse(String text) {
        return new SpaceId(Uuids.parse("space_id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
