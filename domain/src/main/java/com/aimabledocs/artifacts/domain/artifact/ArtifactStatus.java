package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Lifecycle of an artifact: {@code pending → processing → ready | failed}. A job may also fail an
 * artifact that never started processing ({@code pending → failed}), for example when its staged
 * content vanished. A client may delete an artifact in any state ({@code → deleted}); nothing follows
 * {@code deleted}.
 */
public enum ArtifactStatus {
    PENDING, PROCESSING, READY, FAILED, DELETED;

    public boolean canMoveTo(ArtifactStatus next) {
        if (next == DELETED) {
            return this != DELETED;
        }
        return switch (this) {
            case PENDING -> next == PROCESSING || next == FAILED;
            case PROCESSING -> next == READY || next == FAILED;
            case READY, FAILED, DELETED -> false;
        };
    }

    /** No job will change it any more (a client may still delete a ready or failed artifact). */
    public boolean isFinal() {
        return this == READY || this == FAILED || this == DELETED;
    }

    /** The wire name: lower case, as clients write it in filters. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArtifactStatus fromWireName(String text) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("status",
                        "status must be one of " + Set.of(values()).stream().map(ArtifactStatus::wireName).sorted().toList()));
    }
}
