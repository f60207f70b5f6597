package com.aimabledocs.artifacts.adapters.rest.webhook;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.webhook.DeliveryStatus;
import com.aimabledocs.artifacts.domain.webhook.WebhookDeliveryId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code cursor} of the delivery log: base64url of a version tag, the last delivery of the page and
 * the {@code status} filter it was issued for, so that a cursor replayed with another filter is refused
 * ({@code invalid_cursor}) instead of walking a different list.
 */
final class DeliveryCursor {

    private static final String VERSION = "d1";
    private static final int MAX_LENGTH = 256;

    private DeliveryCursor() {
    }

    static String encode(WebhookDeliveryId last, Optional<DeliveryStatus> status) {
        String plain = String.join("|", VERSION, last.toString(), status.map(DeliveryStatus::wireName).orElse(""));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static WebhookDeliveryId decode(String cursor, Optional<DeliveryStatus> status) {
        String[] parts;
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw malformed();
        }
        if (!parts[2].equals(status.map(DeliveryStatus::wireName).orElse(""))) {
            throw new InvalidValueException("cursor",
                    "cursor was issued for another status filter; repeat the filter of the first page");
        }
        try {
            return WebhookDeliveryId.parse(parts[1]);
        } catch (RuntimeException e) {
            throw malformed();
        }
    }

    private static InvalidValueException malformed() {
        return new InvalidValueException("cursor", "cursor is malformed; pass next_cursor from the previous page unchanged");
    }
}
