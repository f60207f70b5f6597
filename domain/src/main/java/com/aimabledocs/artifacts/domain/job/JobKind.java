package com.aimabledocs.artifacts.domain.job;

import java.util.Locale;

/** What a job does. Generation is the only kind so far; the field exists so clients can rely on it. */
public enum JobKind {
    GENERATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
