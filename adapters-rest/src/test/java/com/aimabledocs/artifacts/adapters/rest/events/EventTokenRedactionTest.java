package com.aimabledocs.artifacts.adapters.rest.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an exporter receives from a span whose query carried an event token: the token is gone. */
class EventTokenRedactionTest {

    private static final AttributeKey<String> QUERY = AttributeKey.stringKey("url.query");
    private static final AttributeKey<String> TARGET = AttributeKey.stringKey("http.target");

    @Test
    void givenServerSpanWithATokenInItsQuery_theExportedSpanCarriesNoToken() {
        List<SpanData> exported = new ArrayList<>();
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        String token = "evt_" + "a".repeat(43);
        try (SdkTracerProvider tracing = SdkTracerProvider.builder().addSpanProcessor(new EventTokenRedaction())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            tracing.get("test").spanBuilder("GET /v1/spaces/{space_id}/events")
                    .setAttribute(QUERY, "types=artifact.ready&token=" + token + "&after=1-2")
                    .setAttribute(TARGET, "/v1/spaces/x/events?token=" + token)
                    .startSpan().end();
        }

        assertThat(exported).singleElement().satisfies(span -> {
            assertThat(span.getAttributes().get(QUERY)).isEqualTo("types=artifact.ready&token=REDACTED&after=1-2");
            assertThat(span.getAttributes().get(TARGET)).isEqualTo("/v1/spaces/x/events?token=REDACTED");
            assertThat(span.getAttributes().toString()).doesNotContain(token);
        });
    }

    @Test
    void redact_leavesOtherParametersEndingInTokenAlone() {
        assertThat(EventTokenRedaction.redact("csrf_token=abc&token=evt_x")).isEqualTo("csrf_token=abc&token=REDACTED");
    }
}
