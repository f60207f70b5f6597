package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.DomainException;

/**
 * A webhook target the service will not call: not https, resolving to an address it must not reach (loopback,
 * private, link-local, cloud metadata, multicast...), or not resolving at all. Each case has its own code.
 */
public final class WebhookTargetRefusedException extends DomainException {

    private WebhookTargetRefusedException(String code, String message) {
        super(code, message);
    }

    public static WebhookTargetRefusedException notHttps() {
        return new WebhookTargetRefusedException("webhook_target_not_https",
                "webhook URLs must use https (http is allowed only when private targets are allowed, for development)");
    }

    /** The address itself is not named: registration must not become a way to learn what internal names resolve to. */
    public static WebhookTargetRefusedException forbiddenAddress(String host, String kind) {
        return new WebhookTargetRefusedException("webhook_target_forbidden",
                "the host " + host + " resolves to a " + kind
                        + " address; webhooks are only sent to public addresses");
    }

    public static WebhookTargetRefusedException unresolvable(String host) {
        return new WebhookTargetRefusedException("webhook_target_unresolvable",
                "the host " + host + " does not resolve to any address");
    }
}
