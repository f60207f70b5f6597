package com.aimabledocs.artifacts.adapters.webhooks;

import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookTargetRefusedException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's only way to an address: resolves the host through {@link HostResolver} at connect time and
 * hands the client the resolved addresses only if the {@link TargetPolicy} allows every one of them, so the
 * connection goes to the addresses just checked and a DNS answer changed since registration gains nothing.
 * IP literals go through here too (the client does not short-cut them for requests built from a URI).
 */
final class PolicyCheckingDnsResolver implements DnsResolver {

    private final HostResolver resolver;
    private final TargetPolicy policy;

    PolicyCheckingDnsResolver(HostResolver resolver, TargetPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses = resolver.resolve(bare);
        try {
            policy.checkAddresses(bare, addresses);
        } catch (WebhookTargetRefusedException e) {
            if (addresses.isEmpty()) {
                throw new UnknownHostException(bare);
            }
            throw new TargetRefusedException(e);
        }
        return addresses.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return java.util.Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        // Only used for Kerberos/SPNEGO, which this client never does: answer without a look-up.
        return host;
    }

    /** The policy refused an address the host resolved to; the client passes it through as it is. */
    static final class TargetRefusedException extends UnknownHostException {

        private static final long serialVersionUID = 1L;

        TargetRefusedException(WebhookTargetRefusedException refusal) {
            super(refusal.getMessage());
            initCause(refusal);
        }
    }
}
