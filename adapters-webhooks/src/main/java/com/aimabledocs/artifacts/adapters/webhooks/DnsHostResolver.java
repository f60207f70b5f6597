package com.aimabledocs.artifacts.adapters.webhooks;

import com.aimabledocs.artifacts.domain.port.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves through the JDK ({@link InetAddress#getAllByName}, the system resolver and the JVM's DNS cache); an
 * IP literal resolves to itself without a look-up.
 */
public final class DnsHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
