package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Lifecycle of a job: {@code queued → running → succeeded | failed}, {@code running → queued} to retry,
 * and {@code queued | running → canceled} when its artifact is deleted.
 */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELED;

    public boolean canMoveTo(JobStatus next) {
        return switch (this) {
            case QUEUED -> next == RUNNING || next == CANCELED;
            case RUNNING -> next == SUCCEEDED || next == FAILED || next == QUEUED || next == CANCELED;
            case SUCCEEDED, FAILED, CANCELED -> false;
        };
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWireName(String text) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("job_status", "unknown job status " + text));
    }
}
