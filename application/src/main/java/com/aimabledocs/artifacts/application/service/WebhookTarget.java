package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import java.util.Objects;

/**
 * The check a webhook URL passes when it is registered or changed: its syntax, its scheme, then every address
 * its host resolves to now, against the {@link TargetPolicy}. It looks the host up in DNS, so callers run it
 * before they open a transaction. (The sender checks the addresses again on every connection.)
 */
final class WebhookTarget {

    private final HostResolver resolver;
    private final TargetPolicy policy;

    WebhookTarget(HostResolver resolver, TargetPolicy policy) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * @throws com.aimabledocs.artifacts.domain.shared.InvalidValueException when the URL is malformed
     * @throws com.aimabledocs.artifacts.domain.webhook.WebhookTargetRefusedException when the policy refuses it
     */
    WebhookUrl check(String url) {
        WebhookUrl parsed = WebhookUrl.parse(url);
        policy.checkScheme(parsed);
        policy.checkAddresses(parsed.host(), resolver.resolve(parsed.host()));
        return parsed;
    }
}
