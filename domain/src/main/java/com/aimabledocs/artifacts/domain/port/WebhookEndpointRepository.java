package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEventType;
import java.util.List;
import java.util.Optional;

/** The webhook endpoints of each space. Secrets are stored encrypted; callers only ever see them decrypted. */
public interface WebhookEndpointRepository {

    void add(WebhookEndpoint endpoint);

    /**
     * Stores a changed endpoint if its {@code version} is still the stored one, and increments it.
     *
     * @throws com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException when it changed meanwhile
     */
    void update(WebhookEndpoint endpoint);

    /** An endpoint of another space is not found. */
    Optional<WebhookEndpoint> findById(SpaceId spaceId, WebhookEndpointId id);

    /** Every endpoint of the space, newest first. */
    List<WebhookEndpoint> listBySpace(SpaceId spaceId);

    int countBySpace(SpaceId spaceId);

    /** The enabled endpoints of the space that subscribe to {@code type}. */
    List<WebhookEndpoint> findReceiving(SpaceId spaceId, WebhookEventType type);

    /** Deletes the endpoint with its deliveries and their attempts; false if there was none. */
    boolean delete(SpaceId spaceId, WebhookEndpointId id);
}
