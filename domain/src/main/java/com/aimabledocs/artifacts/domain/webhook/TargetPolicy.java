package com.aimabledocs.artifacts.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which webhook targets the service calls, a defence against server-side request forgery: a client must not
 * be able to make the service call into its own network or the cloud's metadata service. Applied when an
 * endpoint is registered or changed, and again on every connection to the addresses the host resolves to
 * then, so a DNS answer that changes after registration (DNS rebinding) gains nothing.
 *
 * <p>Always refused: link-local addresses (169.254.0.0/16, fe80::/10), which include the cloud metadata
 * services (169.254.169.254, fd00:ec2::254, 100.100.100.200, and AWS's pod identity agent fd00:ec2::23), multicast, unspecified, broadcast and reserved
 * ranges. Refused unless {@code allowPrivate} (for development): {@code http}, loopback, private (RFC 1918,
 * unique local fc00::/7), shared (100.64.0.0/10).
 */
public record TargetPolicy(boolean allowPrivate) {

    private static final List<byte[]> METADATA = List.of(
            bytes("169.254.169.254"), bytes("100.100.100.200"), bytes("fd00:ec2::254"), bytes("fd00:ec2::23"),
            bytes("169.254.170.23"));

    /** Checks the URL's scheme (https unless private targets are allowed). */
    public void checkScheme(WebhookUrl url) {
        if (!url.https() && !allowPrivate) {
            throw WebhookTargetRefusedException.notHttps();
        }
    }

    /** Checks every address the host resolved to: one forbidden address refuses the target. */
    public void checkAddresses(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            throw WebhookTargetRefusedException.unresolvable(host);
        }
        for (InetAddress address : addresses) {
            refusal(address).ifPresent(kind -> {
                throw WebhookTargetRefusedException.forbiddenAddress(host, kind);
            });
        }
    }

    /** Why this policy refuses the address ("loopback", "link-local"...), or empty if it may be called. */
    public Optional<String> refusal(InetAddress address) {
        Optional<String> always = alwaysRefused(address);
        if (always.isPresent()) {
            return always;
        }
        return allowPrivate ? Optional.empty() : privateKind(address);
    }

    private static Optional<String> alwaysRefused(InetAddress address) {
        byte[] raw = address.getAddress();
        for (byte[] metadata : METADATA) {
            if (java.util.Arrays.equals(raw, metadata)) {
                return Optional.of("cloud metadata");
            }
        }
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return alwaysRefused(embedded.get());
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address instanceof Inet4Address) {
            int a = raw[0] & 0xff;
            int b = raw[1] & 0xff;
            int c = raw[2] & 0xff;
            if (a == 0 || a >= 240) {
                return Optional.of("reserved");
            }
            if (a == 192 && b == 0 && c == 0 || a == 198 && (b == 18 || b == 19)) {
                return Optional.of("reserved");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> privateKind(InetAddress address) {
        Optional<Inet4Address> embedded = embeddedIpv4(address);
        if (embedded.isPresent()) {
            return privateKind(embedded.get());
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        byte[] raw = address.getAddress();
        if (address instanceof Inet4Address) {
            int a = raw[0] & 0xff;
            int b = raw[1] & 0xff;
            if (a == 100 && b >= 64 && b <= 127) {
                return Optional.of("shared (carrier-grade NAT)");
            }
        } else if ((raw[0] & 0xfe) == 0xfc) {
            return Optional.of("private (unique local)");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    private static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] raw = address.getAddress();
        boolean mapped = allZero(raw, 0, 10) && (raw[10] & 0xff) == 0xff && (raw[11] & 0xff) == 0xff;
        boolean nat64 = (raw[0] & 0xff) == 0x00 && (raw[1] & 0xff) == 0x64 && (raw[2] & 0xff) == 0xff
                && (raw[3] & 0xff) == 0x9b && allZero(raw, 4, 12);
        boolean compatible = allZero(raw, 0, 12) && !allZero(raw, 12, 16) && !address.isLoopbackAddress();
        if (mapped || nat64 || compatible) {
            return Optional.of(v4(raw[12], raw[13], raw[14], raw[15]));
        }
        if ((raw[0] & 0xff) == 0x20 && (raw[1] & 0xff) == 0x02) {
            return Optional.of(v4(raw[2], raw[3], raw[4], raw[5]));
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] raw, int from, int to) {
        for (int i = from; i < to; i++) {
            if (raw[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Inet4Address v4(byte a, byte b, byte c, byte d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
