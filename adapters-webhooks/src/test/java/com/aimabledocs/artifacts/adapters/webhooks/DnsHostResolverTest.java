package com.aimabledocs.artifacts.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DnsHostResolverTest {

    private final DnsHostResolver resolver = new DnsHostResolver();

    @Test
    void localhost_resolve_returnsLoopbackAddresses() {
        assertThat(resolver.resolve("localhost")).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
    }

    @Test
    void ipLiteral_resolve_returnsItselfWithoutLookUp() {
        assertThat(resolver.resolve("93.184.215.14")).extracting(InetAddress::getHostAddress)
                .containsExactly("93.184.215.14");
    }

    @Test
    void unresolvableName_resolve_returnsEmpty() {
        assertThat(resolver.resolve("no-such-host.invalid")).isEmpty();
    }
}
