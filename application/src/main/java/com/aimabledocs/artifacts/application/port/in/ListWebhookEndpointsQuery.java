package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.Caller;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpointId;
import com.aimabledocs.artifacts.domain.webhook.WebhookEndpoint;
import java.util.List;

/** The webhook endpoints of a space, newest first (a space has at most a few dozen). */
public interface ListWebhookEndpointsQuery {

    List<WebhookEndpoint> list(Caller caller, SpaceId spaceId);
}
