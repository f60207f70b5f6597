package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/** Where a delivery stands: attempts still to come, a 2xx received, or given up. */
public enum DeliveryStatus {
    PENDING, SUCCEEDED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromWireName(String text) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(text)).findFirst()
                .orElseThrow(() -> new InvalidValueException("status",
                        "status must be one of pending, succeeded, failed"));
    }
}
