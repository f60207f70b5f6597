package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.adapters.rest.auth.EventTokenAllowed;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps event tokens out of traces: the HTTP server span of a stream opened with {@code ?token=} records the query
 * in {@code url.query} (and older conventions in {@code http.target}, {@code url.full}); this replaces the token's
 * value with {@code REDACTED} as the span starts, before any exporter sees it. Logs never carry query strings.
 */
@ApplicationScoped
public class EventTokenRedaction implements SpanProcessor {

    private static final List<AttributeKey<String>> KEYS = List.of(AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("http.target"), AttributeKey.stringKey("url.full"));
    private static final Pattern TOKEN = Pattern.compile("(?<=(^|[?&])" + EventTokenAllowed.PARAMETER + "=)[^&#]*");

    static String redact(String value) {
        return TOKEN.matcher(value).replaceAll("REDACTED");
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : KEYS) {
            String value = span.getAttribute(key);
            if (value != null && value.contains(EventTokenAllowed.PARAMETER + "=")) {
                span.setAttribute(key, redact(value));
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing: the attributes were redacted at the start
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
