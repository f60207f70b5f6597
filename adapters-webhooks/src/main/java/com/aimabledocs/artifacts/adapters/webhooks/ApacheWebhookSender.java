package com.aimabledocs.artifacts.adapters.webhooks;

import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.port.WebhookSender;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookTargetRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.net.UnknownHostException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jboss.logging.Logger;

/**
 * {@link WebhookSender} on Apache HttpClient 5 (classic, blocking).
 *
 * <p>Every connection goes through {@link PolicyCheckingDnsResolver}: the host is resolved when the connection is
 * made and the {@link TargetPolicy} checked on each address, IP literals included, before the client may connect
 * to exactly those addresses. TLS uses the JDK's default trust store and verifies the URL's host name. The client
 * follows no redirect (a 3xx is the answer), uses no proxy (system properties are not read), keeps no cookies,
 * never retries by itself and asks for no compressed content (a small compressed body cannot expand in memory).
 *
 * <p>The request's timeout is a deadline for the whole exchange: it bounds the connect and every read, and when it
 * passes the request is aborted (its connection closed), so a receiver that sends its answer a byte at a time
 * cannot hold the calling thread. At most {@value #BODY_START_CHARS} characters of the answer's body are read.
 * Header values (they carry signatures) and bodies are never logged.
 */
public final class ApacheWebhookSender implements WebhookSender, AutoCloseable {

    /** How much of the receiver's body is kept (and read). */
    public static final int BODY_START_CHARS = 1024;

    static final String USER_AGENT = "AimableDocs-Artifacts-Webhooks/1";

    private static final Logger LOG = Logger.getLogger(ApacheWebhookSender.class);
    private static final ContentType JSON = ContentType.create("application/json");
    /** Headers the client writes itself (from the body and the URL); a request must not set them. */
    private static final Set<String> RESERVED_HEADERS = Set.of(
            "content-length", "transfer-encoding", "host", "connection", "content-type", "user-agent");

    private final TargetPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    public ApacheWebhookSender(HostResolver resolver, TargetPolicy policy, int maxConnectionsPerRoute,
            int maxConnections) {
        if (maxConnectionsPerRoute < 1 || maxConnections < maxConnectionsPerRoute) {
            throw new IllegalArgumentException("need 1 <= max connections per route <= max connections, got "
                    + maxConnectionsPerRoute + " and " + maxConnections);
        }
        this.policy = policy;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PolicyCheckingDnsResolver(resolver, policy))
                        .setTlsSocketStrategy(DefaultClientTlsStrategy.createDefault())
                        .setMaxConnPerRoute(maxConnectionsPerRoute)
                        .setMaxConnTotal(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                // Per-request connect and response timeouts come from the request's deadline.
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .setUserAgent(USER_AGENT)
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Result send(Request request) {
        long start = System.nanoTime();
        try {
            policy.checkScheme(request.url());
        } catch (WebhookTargetRefusedException e) {
            return new NotAnswered("target_refused", e.getMessage(), since(start));
        }
        HttpPost post = post(request);
        AtomicBoolean deadlinePassed = new AtomicBoolean();
        ScheduledFuture<?> abort = deadlines.schedule(() -> {
            deadlinePassed.set(true);
            post.cancel();
        }, request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        try {
            return exchange(post, deadlinePassed, start);
        } catch (IOException | RuntimeException e) {
            NotAnswered notAnswered = notAnswered(e, deadlinePassed.get(), start);
            LOG.debugf("webhook POST to %s not answered: %s (%s)", request.url(), notAnswered.error(),
                    notAnswered.detail());
            return notAnswered;
        } finally {
            abort.cancel(false);
        }
    }

    private Result exchange(HttpPost post, AtomicBoolean deadlinePassed, long start) throws IOException {
        CloseableHttpResponse response = client.execute(post);
        int status = response.getCode();
        StringBuilder bodyStart = new StringBuilder();
        boolean complete = false;
        try {
            complete = readBodyStart(response.getEntity(), bodyStart);
        } catch (IOException e) {
            // The receiver answered (its status is in); a body cut short by the deadline or a broken connection
            // leaves what was read.
            LOG.debugf("webhook answer %d: body cut after %d characters (%s%s)", status, bodyStart.length(),
                    e.getClass().getSimpleName(), deadlinePassed.get() ? ", deadline passed" : "");
        } finally {
            if (complete) {
                response.close(); // the body was read to its end: the connection goes back to the pool
            } else {
                response.close(CloseMode.IMMEDIATE); // never drain the rest of a long or slow body
            }
        }
        return new Answered(status, bodyStart.toString(), since(start));
    }

    /** Reads at most {@value #BODY_START_CHARS} characters; true if that was the whole body. */
    private static boolean readBodyStart(HttpEntity entity, StringBuilder into) throws IOException {
        if (entity == null) {
            return true;
        }
        InputStream content = entity.getContent();
        if (content == null) {
            return true;
        }
        Reader reader = new InputStreamReader(content, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        char[] buffer = new char[256];
        while (into.length() < BODY_START_CHARS) {
            int read = reader.read(buffer, 0, Math.min(buffer.length, BODY_START_CHARS - into.length()));
            if (read < 0) {
                return true;
            }
            into.append(buffer, 0, read);
        }
        return false;
    }

    @SuppressWarnings("deprecation") // the per-request connect timeout; ConnectionConfig's is per route only
    private static HttpPost post(Request request) {
        HttpPost post = new HttpPost(request.url().value());
        request.headers().forEach((name, value) -> {
            if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                LOG.debugf("webhook request header %s ignored: the client sets it", name);
            } else {
                post.addHeader(name, value);
            }
        });
        post.setHeader("Content-Type", JSON.toString());
        post.setHeader("User-Agent", USER_AGENT);
        post.setEntity(new ByteArrayEntity(request.body().getBytes(StandardCharsets.UTF_8), JSON));
        Timeout timeout = Timeout.of(positive(request.timeout()));
        post.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(timeout)
                .setConnectTimeout(timeout)
                .setResponseTimeout(timeout)
                .setRedirectsEnabled(false)
                .setContentCompressionEnabled(false)
                .setAuthenticationEnabled(false)
                .setExpectContinueEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .build());
        return post;
    }

    private static NotAnswered notAnswered(Exception e, boolean deadlinePassed, long start) {
        Duration duration = since(start);
        PolicyCheckingDnsResolver.TargetRefusedException refused =
                cause(e, PolicyCheckingDnsResolver.TargetRefusedException.class);
        if (refused != null) {
            return new NotAnswered("target_refused", refused.getMessage(), duration);
        }
        if (deadlinePassed) {
            return new NotAnswered("timeout", "no answer within the deadline", duration);
        }
        if (cause(e, UnknownHostException.class) != null) {
            return new NotAnswered("unresolvable", "the host does not resolve to any address", duration);
        }
        SSLException tls = cause(e, SSLException.class);
        if (tls != null) {
            return new NotAnswered("tls_failed", describe(tls), duration);
        }
        if (cause(e, InterruptedIOException.class) != null) {
            return new NotAnswered("timeout", describe(e), duration);
        }
        return new NotAnswered("connection_failed", describe(e), duration);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }

    private static Duration positive(Duration timeout) {
        return timeout.isNegative() || timeout.isZero() ? Duration.ofMillis(1) : timeout;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }
}
