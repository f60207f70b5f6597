package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/** Lifecycle of a job: {@code queued → running → succeeded | failed}, and {@code running → queued} to retry. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean canMoveTo(JobStatus next) {
        return switch (this) {
            case QUEUED -> next == RUNNING;
            case RUNNING -> next == SUCCEEDED || next == FAILED || next == QUEUED;
            case SUCCEEDED, FAILED -> false;
        };
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED;
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
