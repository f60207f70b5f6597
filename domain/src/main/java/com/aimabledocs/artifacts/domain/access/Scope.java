package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;

/** What an API key may do in its space. */
public enum Scope {
    ARTIFACTS_READ("artifacts:read"),
    ARTIFACTS_WRITE("artifacts:write"),
    /** Register, change and delete the space's webhook endpoints and read their delivery logs. */
    WEBHOOKS_MANAGE("webhooks:manage");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Scope fromWireName(String text) {
        return Arrays.stream(values())
                .filter(s -> s.wireName.equals(text))
                .findFirst()
                .orElseThrow(() -> new InvalidValueException("scope", "unknown scope " + text));
    }
}
