package com.aimabledocs.artifacts.domain.port;

import java.net.InetAddress;
import java.util.List;

/** Resolves a host name to its addresses (an IP literal to itself); empty when it does not resolve. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host);
}
