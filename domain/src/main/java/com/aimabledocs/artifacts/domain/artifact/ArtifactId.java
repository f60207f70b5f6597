package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.Uuids;
import java.util.UUID;

/** Identifies a artifact. Server-made (UUIDv7, so IDs sort by creation time); opaque to clients. */
public record ArtifactId(UUID value) {

    public ArtifactId {
        Uuids.require("artifact_id", value);
    }

    public static ArtifactId of(UUID value) {
        return new ArtifactId(value);
    }

    /** Parses a client-supplied ID; a malformed one is an {@code invalid_artifact_id} error. */
    public static ArtifactId parse(String text) {
        return new ArtifactId(Uuids.parse("artifact_id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
