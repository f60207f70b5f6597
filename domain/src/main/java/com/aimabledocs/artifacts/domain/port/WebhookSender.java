package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import java.time.Duration;
import java.util.Map;

/**
 * Sends one webhook request: a POST of a JSON body with the given headers. An implementation connects only to
 * addresses the {@link TargetPolicy} allows, checked on the addresses it resolves at connect time, follows no
 * redirect, and gives up after {@code timeout}. It never throws for the receiver's sake: every outcome is a
 * {@link Result}.
 */
public interface WebhookSender {

    record Request(WebhookUrl url, Map<String, String> headers, String body, Duration timeout) {
    }

    /** What came of a request. */
    sealed interface Result permits Answered, NotAnswered {

        Duration duration();
    }

    /** The receiver answered: its status and the start of its body (at most about a kilobyte). */
    record Answered(int status, String bodyStart, Duration duration) implements Result {
    }

    /**
     * No answer. {@code error} is stable: {@code timeout}, {@code connection_failed}, {@code tls_failed},
     * {@code target_refused} (the policy refused the address the host resolved to), {@code unresolvable}.
     */
    record NotAnswered(String error, String detail, Duration duration) implements Result {
    }

    Result send(Request request);
}
