package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a webhook endpoint receives its deliveries: an absolute {@code http} or {@code https} URL with a host,
 * no user information and no fragment, at most 2,048 characters. Whether {@code http} and the host's addresses
 * are allowed is not a matter of syntax but of {@link TargetPolicy}.
 */
public record WebhookUrl(URI value) {

    public static final int MAX_LENGTH = 2048;

    public WebhookUrl {
        Objects.requireNonNull(value, "value");
    }

    public static WebhookUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("url is required");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("url must be at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid("url must be an absolute https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid("url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("url must not carry user information");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("url must not carry a fragment");
        }
        return new WebhookUrl(uri);
    }

    public boolean https() {
        return "https".equalsIgnoreCase(value.getScheme());
    }

    /** The host as written, without the brackets of an IPv6 literal. */
    public String host() {
        String host = value.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return value.toString();
    }

    private static InvalidValueException invalid(String message) {
        return new InvalidValueException("url", message);
    }
}
