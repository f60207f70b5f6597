package com.aimabledocs.artifacts.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetPolicyTest {

    private final TargetPolicy publicOnly = new TargetPolicy(false);
    private final TargetPolicy allowPrivate = new TargetPolicy(true);

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, loopback",
            "127.9.9.9, loopback",
            "::1, loopback",
            "10.1.2.3, private",
            "172.16.0.1, private",
            "172.31.255.254, private",
            "192.168.1.1, private",
            "100.64.0.1, shared (carrier-grade NAT)",
            "100.127.255.254, shared (carrier-grade NAT)",
            "fc00::1, private (unique local)",
            "fd12:3456::1, private (unique local)",
            "64:ff9b::7f00:1, loopback",
            "2002:7f00:1::, loopback",
            "2002:c0a8:101::, private",
            "0.0.0.0, unspecified",
            "::, unspecified",
            "169.254.169.254, cloud metadata",
            "100.100.100.200, cloud metadata",
            "fd00:ec2::254, cloud metadata",
            "169.254.1.1, link-local",
            "fe80::1, link-local",
            "224.0.0.1, multicast",
            "ff02::1, multicast",
            "255.255.255.255, reserved",
            "240.0.0.1, reserved",
            "0.1.2.3, reserved",
            "198.18.0.1, reserved",
    })
    void publicOnly_refusesNonPublicAddresses(String literal, String kind) {
        assertThat(publicOnly.refusal(address(literal))).contains(kind);
    }

    @Test
    void publicOnly_refusesIpv4MappedLoopback() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};

        assertThat(publicOnly.refusal(InetAddress.getByAddress(mapped))).contains("loopback");
    }

    @Test
    void publicOnly_refusesIpv4MappedAddressKeptAsIpv6() throws UnknownHostException {
        // The JDK turns a mapped address into an Inet4Address; an Inet6Address can still carry one.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
                (byte) 254};

        assertThat(publicOnly.refusal(Inet6Address.getByAddress(null, mapped, -1)))
                .contains("cloud metadata");
        assertThat(allowPrivate.refusal(Inet6Address.getByAddress(null, mapped, -1)))
                .contains("cloud metadata");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "fc00::1",
            "64:ff9b::7f00:1", "2002:7f00:1::"})
    void allowPrivate_allowsLoopbackAndPrivateAddresses(String literal) {
        assertThat(allowPrivate.refusal(address(literal))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "169.254.169.254, cloud metadata",
            "100.100.100.200, cloud metadata",
            "fd00:ec2::254, cloud metadata",
            "fd00:ec2::23, cloud metadata",
            "64:ff9b::a9fe:a9fe, cloud metadata",
            "169.254.1.1, link-local",
            "fe80::1, link-local",
            "224.0.0.1, multicast",
            "ff02::1, multicast",
            "0.0.0.0, unspecified",
            "255.255.255.255, reserved",
    })
    void allowPrivate_stillRefusesLinkLocalMetadataMulticastAndReserved(String literal, String kind) {
        assertThat(allowPrivate.refusal(address(literal))).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111", "2a00:1450:4001:82a::200e",
            "172.32.0.1", "100.128.0.1", "11.0.0.1"})
    void publicAddresses_areAllowed(String literal) {
        assertThat(publicOnly.refusal(address(literal))).isEmpty();
        assertThat(allowPrivate.refusal(address(literal))).isEmpty();
    }

    @Test
    void checkScheme_refusesHttpUnlessPrivateTargetsAreAllowed() {
        WebhookUrl http = WebhookUrl.parse("http://hooks.example.com/in");
        WebhookUrl https = WebhookUrl.parse("https://hooks.example.com/in");

        assertThatThrownBy(() -> publicOnly.checkScheme(http))
                .isInstanceOf(WebhookTargetRefusedException.class)
                .extracting(e -> ((WebhookTargetRefusedException) e).code()).isEqualTo("webhook_target_not_https");
        assertThatCode(() -> publicOnly.checkScheme(https)).doesNotThrowAnyException();
        assertThatCode(() -> allowPrivate.checkScheme(http)).doesNotThrowAnyException();
    }

    @Test
    void checkAddresses_withNoAddress_isUnresolvable() {
        assertThatThrownBy(() -> allowPrivate.checkAddresses("nowhere.example", List.of()))
                .isInstanceOf(WebhookTargetRefusedException.class)
                .hasMessageContaining("nowhere.example")
                .extracting(e -> ((WebhookTargetRefusedException) e).code())
                .isEqualTo("webhook_target_unresolvable");
    }

    @Test
    void checkAddresses_refusesWhenAnyAddressIsForbidden() {
        List<InetAddress> addresses = List.of(address("93.184.215.14"), address("10.0.0.7"));

        assertThatThrownBy(() -> publicOnly.checkAddresses("hooks.example.com", addresses))
                .isInstanceOf(WebhookTargetRefusedException.class)
                .hasMessageContaining("hooks.example.com").hasMessageNotContaining("10.0.0.7")
                .hasMessageContaining("private")
                .extracting(e -> ((WebhookTargetRefusedException) e).code())
                .isEqualTo("webhook_target_forbidden");
    }

    @Test
    void checkAddresses_acceptsOnlyPublicAddresses() {
        List<InetAddress> addresses = List.of(address("93.184.215.14"), address("2606:4700::1111"));

        assertThatCode(() -> publicOnly.checkAddresses("hooks.example.com", addresses)).doesNotThrowAnyException();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
