package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A receiver another service registered in a space: where to send which events, signed with which secret.
 *
 * <p>Its rules: it subscribes to at least one type; after a secret rotation the previous secret keeps signing
 * next to the new one until {@code previousSecretUntil}; it is disabled by its owner, at once by a receiver
 * answering 410 Gone, or when its deliveries have failed without a success in between for the configured time
 * ({@link #deliveryFailed}). A disabled endpoint receives nothing until it is enabled again, which also forgets
 * its failures.
 *
 * @param version for optimistic locking: a store refuses an update of a version that changed meanwhile
 */
public record WebhookEndpoint(WebhookEndpointId id, SpaceId spaceId, WebhookUrl url, Set<WebhookEventType> eventTypes,
                              Optional<String> description, WebhookSecret secret,
                              Optional<WebhookSecret> previousSecret, Optional<Instant> previousSecretUntil,
                              Optional<Disabled> disabled, Optional<Instant> failingSince,
                              Instant createdAt, Instant updatedAt, long version) {

    public static final int MAX_DESCRIPTION_LENGTH = 500;

    /** Why an endpoint is disabled. */
    public enum DisabledReason {
        /** Its owner disabled it ({@code enabled: false}). */
        MANUAL("manual"),
        /** The receiver answered 410 Gone. */
        GONE("gone"),
        /** Every delivery failed for longer than the configured limit. */
        FAILING("failing");

        private final String wireName;

        DisabledReason(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public record Disabled(DisabledReason reason, Instant at) {

        public Disabled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(spaceId, "spaceId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        eventTypes = requireTypes(eventTypes);
        description = description == null ? Optional.empty() : description;
        description.ifPresent(WebhookEndpoint::checkDescription);
        previousSecret = previousSecret == null ? Optional.empty() : previousSecret;
        previousSecretUntil = previousSecretUntil == null ? Optional.empty() : previousSecretUntil;
        if (previousSecret.isPresent() != previousSecretUntil.isPresent()) {
            throw new IllegalArgumentException("a previous secret comes with the time it stops signing");
        }
        disabled = disabled == null ? Optional.empty() : disabled;
        failingSince = failingSince == null ? Optional.empty() : failingSince;
    }

    public static WebhookEndpoint create(WebhookEndpointId id, SpaceId spaceId, WebhookUrl url,
                                         Collection<WebhookEventType> eventTypes, Optional<String> description,
                                         WebhookSecret secret, Instant now) {
        return new WebhookEndpoint(id, spaceId, url, new LinkedHashSet<>(eventTypes), description, secret,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now, 0);
    }

    public boolean enabled() {
        return disabled.isEmpty();
    }

    /** Whether an event of this type is sent here: enabled and subscribed. */
    public boolean receives(WebhookEventType type) {
        return enabled() && eventTypes.contains(type);
    }

    /** The secrets that sign a delivery made at {@code now}: the current one, and the previous one until it expires. */
    public List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret.isPresent() && now.isBefore(previousSecretUntil.orElseThrow())) {
            secrets.add(previousSecret.get());
        }
        return secrets;
    }

    /** The changes a client asks for; an empty field leaves that property as it is. */
    public record Changes(Optional<WebhookUrl> url, Optional<Set<WebhookEventType>> eventTypes,
                          Optional<Optional<String>> description, Optional<Boolean> enabled) {
    }

    /**
     * Applies a client's changes. Enabling a disabled endpoint clears the reason and its record of failures;
     * disabling an enabled one records {@link DisabledReason#MANUAL}; either on an endpoint already so changes
     * nothing about it.
     */
    public WebhookEndpoint change(Changes changes, Instant now) {
        Optional<Disabled> nextDisabled = disabled;
        Optional<Instant> nextFailingSince = failingSince;
        if (changes.enabled().isPresent()) {
            boolean enable = changes.enabled().get();
            if (enable && !enabled()) {
                nextDisabled = Optional.empty();
                nextFailingSince = Optional.empty();
            } else if (!enable && enabled()) {
                nextDisabled = Optional.of(new Disabled(DisabledReason.MANUAL, now));
            }
        }
        return new WebhookEndpoint(id, spaceId, changes.url().orElse(url), changes.eventTypes().orElse(eventTypes),
                changes.description().orElse(description), secret, previousSecret, previousSecretUntil,
                nextDisabled, nextFailingSince, createdAt, now, version);
    }

    /**
     * Replaces the secret; the current one keeps signing beside the new one for {@code overlap}, so receivers can
     * switch without losing a delivery. A rotation during an overlap drops the oldest of the three.
     */
    public WebhookEndpoint rotateSecret(WebhookSecret next, Instant now, Duration overlap) {
        return new WebhookEndpoint(id, spaceId, url, eventTypes, description, next, Optional.of(secret),
                Optional.of(now.plus(overlap)), disabled, failingSince, createdAt, now, version);
    }

    /** A delivery got a 2xx: whatever failed before is forgotten. */
    public WebhookEndpoint deliverySucceeded(Instant now) {
        if (failingSince.isEmpty()) {
            return this;
        }
        return new WebhookEndpoint(id, spaceId, url, eventTypes, description, secret, previousSecret,
                previousSecretUntil, disabled, Optional.empty(), createdAt, now, version);
    }

    /**
     * A delivery attempt failed: the endpoint remembers since when it fails, and is disabled
     * ({@link DisabledReason#FAILING}) once it has failed for {@code disableAfter} without a success.
     */
    public WebhookEndpoint deliveryFailed(Instant now, Duration disableAfter) {
        Instant since = failingSince.orElse(now);
        Optional<Disabled> next = disabled;
        if (enabled() && !now.isBefore(since.plus(disableAfter))) {
            next = Optional.of(new Disabled(DisabledReason.FAILING, now));
        }
        return new WebhookEndpoint(id, spaceId, url, eventTypes, description, secret, previousSecret,
                previousSecretUntil, next, Optional.of(since), createdAt, now, version);
    }

    /** The receiver answered 410 Gone: it does not want deliveries any more. */
    public WebhookEndpoint gone(Instant now) {
        if (!enabled()) {
            return this;
        }
        return new WebhookEndpoint(id, spaceId, url, eventTypes, description, secret, previousSecret,
                previousSecretUntil, Optional.of(new Disabled(DisabledReason.GONE, now)), failingSince, createdAt,
                now, version);
    }

    public static Set<WebhookEventType> requireTypes(Collection<WebhookEventType> types) {
        if (types == null || types.isEmpty()) {
            throw new InvalidValueException("event_types", "an endpoint subscribes to at least one event type");
        }
        if (types.contains(WebhookEventType.TEST)) {
            throw new InvalidValueException("event_types", "webhook.test is sent on request and cannot be subscribed to");
        }
        return Set.copyOf(new LinkedHashSet<>(types));
    }

    private static void checkDescription(String text) {
        if (text.length() > MAX_DESCRIPTION_LENGTH) {
            throw new InvalidValueException("description",
                    "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
    }
}
