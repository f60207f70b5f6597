package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.Uuids;
import java.util.UUID;

/** Identifies a job. Server-made (UUIDv7, so IDs sort by creation time); opaque to clients. */
public record JobId(UUID value) {

    public JobId {
        Uuids.require("job_id", value);
    }

    public static JobId of(UUID value) {
        return new JobId(value);
    }

    /** Parses a client-supplied ID; a malformed one is an {@code invalid_job_id} error. */
    public static JobId parse(String text) {
        return new JobId(Uuids.parse("job_id", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
