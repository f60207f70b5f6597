package com.aimabledocs.artifacts.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.port.HostResolver;
import com.aimabledocs.artifacts.domain.port.WebhookSender.Answered;
import com.aimabledocs.artifacts.domain.port.WebhookSender.NotAnswered;
import com.aimabledocs.artifacts.domain.port.WebhookSender.Request;
import com.aimabledocs.artifacts.domain.port.WebhookSender.Result;
import com.aimabledocs.artifacts.domain.webhook.TargetPolicy;
import com.aimabledocs.artifacts.domain.webhook.WebhookUrl;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApacheWebhookSenderTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String BODY = "{\"type\":\"artifact.ready\",\"data\":{\"name\":\"Résumé ✓\"}}";
    private static final Map<String, String> HEADERS = Map.of(
            "webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
            "webhook-timestamp", "1674087231",
            "webhook-signature", "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=");

    /** What the receiver saw, one entry per request. */
    private record Received(String method, String path, Headers headers, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ExecutorService serverThreads;
    private ApacheWebhookSender sender;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
        sender = new ApacheWebhookSender(new DnsHostResolver(), new TargetPolicy(true), 20, 200);
    }

    @AfterEach
    void stopReceiver() {
        sender.close();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void givenReceiverAnswers2xx_send_returnsAnsweredWithHeadersAndBodyDeliveredAsSent() {
        receive("/hook", exchange -> answer(exchange, 200, "thanks"));

        Result result = sender.send(request("http://127.0.0.1:" + port() + "/hook"));

        assertThat(result).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.bodyStart()).isEqualTo("thanks");
            assertThat(answered.duration()).isPositive();
        });
        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        HEADERS.forEach((name, value) -> assertThat(request.headers().get(name)).containsExactly(value));
        assertThat(request.headers().get("Content-Type")).containsExactly("application/json");
        assertThat(request.headers().get("User-Agent")).containsExactly(ApacheWebhookSender.USER_AGENT);
        assertThat(request.body()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void givenReceiverAnswers503Or410_send_returnsAnsweredWithThatStatus() {
        receive("/busy", exchange -> answer(exchange, 503, "try later"));
        receive("/gone", exchange -> answer(exchange, 410, ""));

        Result busy = sender.send(request("http://127.0.0.1:" + port() + "/busy"));
        Result gone = sender.send(request("http://127.0.0.1:" + port() + "/gone"));

        assertThat(busy).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(503);
            assertThat(answered.bodyStart()).isEqualTo("try later");
        });
        assertThat(gone).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(410);
            assertThat(answered.bodyStart()).isEmpty();
        });
    }

    @Test
    void givenReceiverRedirects_send_returnsThe302AndFollowsNothing() {
        receive("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + port() + "/elsewhere");
            answer(exchange, 302, "");
        });
        receive("/elsewhere", exchange -> answer(exchange, 200, "followed"));

        Result result = sender.send(request("http://127.0.0.1:" + port() + "/moved"));

        assertThat(result).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.status()).isEqualTo(302));
        assertThat(received).extracting(Received::path).containsExactly("/moved");
    }

    @Test
    void givenReceiverSleepsPastTheTimeout_send_returnsTimeoutAtTheDeadline() {
        receive("/slow", exchange -> {
            sleep(Duration.ofSeconds(10));
            answer(exchange, 200, "too late");
        });

        long start = System.nanoTime();
        Result result = sender.send(request("http://127.0.0.1:" + port() + "/slow"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isInstanceOfSatisfying(NotAnswered.class,
                notAnswered -> assertThat(notAnswered.error()).isEqualTo("timeout"));
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50)).isLessThan(TIMEOUT.plusSeconds(1));
    }

    @Test
    void givenReceiverDripsAnEndlessBody_send_keepsAtMost1024CharactersAndReturnsAtTheDeadline() {
        receive("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no end
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100_000; i++) {
                    out.write('x');
                    out.flush();
                    sleep(Duration.ofMillis(5));
                }
            }
        });

        long start = System.nanoTime();
        Result result = sender.send(request("http://127.0.0.1:" + port() + "/drip"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.bodyStart()).hasSizeBetween(1, ApacheWebhookSender.BODY_START_CHARS)
                    .matches("x+");
        });
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(1));
    }

    @Test
    void givenReceiverSendsAHugeBodyFast_send_readsOnly1024CharactersAndReturnsPromptly() {
        receive("/huge", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "y".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 16 * 1024; i++) { // 1 GiB, if anyone read it all
                    out.write(chunk);
                }
            }
        });

        long start = System.nanoTime();
        Result result = sender.send(request("http://127.0.0.1:" + port() + "/huge", Duration.ofSeconds(10)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result).isInstanceOfSatisfying(Answered.class,
                answered -> assertThat(answered.bodyStart()).isEqualTo("y".repeat(1024)));
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void givenInvalidUtf8InTheBody_send_replacesItInsteadOfFailing() {
        receive("/bytes", exchange -> {
            byte[] body = {'o', 'k', (byte) 0xff, (byte) 0xfe};
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        Result result = sender.send(request("http://127.0.0.1:" + port() + "/bytes"));

        assertThat(result).isInstanceOfSatisfying(Answered.class, answered -> {
            assertThat(answered.status()).isEqualTo(400);
            assertThat(answered.bodyStart()).startsWith("ok").contains("\uFFFD");
        });
    }

    @Test
    void givenNothingListens_send_returnsConnectionFailed() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Result result = sender.send(request("http://127.0.0.1:" + closedPort + "/hook"));

        assertThat(result).isInstanceOfSatisfying(NotAnswered.class,
                notAnswered -> assertThat(notAnswered.error()).isEqualTo("connection_failed"));
    }

    @Test
    void givenReceiverSpeaksPlainHttp_sendOverHttps_returnsTlsFailed() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread receiver = new Thread(() -> {
                try (Socket socket = plain.accept()) {
                    socket.getOutputStream().write(
                            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // the client gave up: nothing to answer
                }
            });
            receiver.start();

            Result result = sender.send(request("https://127.0.0.1:" + plain.getLocalPort() + "/hook"));

            assertThat(result).isInstanceOfSatisfying(NotAnswered.class,
                    notAnswered -> assertThat(notAnswered.error()).isEqualTo("tls_failed"));
            receiver.join(TIMEOUT.toMillis());
        }
    }

    @Test
    void givenHostDoesNotResolve_send_returnsUnresolvable() {
        Result result = sender.send(request("https://no-such-host.invalid/hook"));

        assertThat(result).isInstanceOfSatisfying(NotAnswered.class,
                notAnswered -> assertThat(notAnswered.error()).isEqualTo("unresolvable"));
    }

    @Test
    void givenPublicOnlyPolicy_sendOverHttp_isRefusedWithoutConnecting() {
        receive("/hook", exchange -> answer(exchange, 200, "reached"));
        ApacheWebhookSender publicOnly = publicOnlySender(new DnsHostResolver());

        Result result = publicOnly.send(request("http://127.0.0.1:" + port() + "/hook"));

        assertThat(result).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> {
            assertThat(notAnswered.error()).isEqualTo("target_refused");
            assertThat(notAnswered.detail()).contains("https");
        });
        assertThat(received).isEmpty();
    }

    @Test
    void givenPublicOnlyPolicy_sendToLoopbackByNameOrLiteral_isRefusedWithoutConnecting() {
        receive("/hook", exchange -> answer(exchange, 200, "reached"));
        ApacheWebhookSender publicOnly = publicOnlySender(new DnsHostResolver());

        Result byName = publicOnly.send(request("https://localhost:" + port() + "/hook"));
        Result byLiteral = publicOnly.send(request("https://127.0.0.1:" + port() + "/hook"));
        Result byIpv6Literal = publicOnly.send(request("https://[::1]:" + port() + "/hook"));

        assertThat(List.of(byName, byLiteral, byIpv6Literal)).allSatisfy(result ->
                assertThat(result).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> {
                    assertThat(notAnswered.error()).isEqualTo("target_refused");
                    assertThat(notAnswered.detail()).contains("loopback");
                }));
        assertThat(received).isEmpty();
    }

    @Test
    void givenHostRebindsToLoopbackAfterRegistration_send_isRefusedAtConnectTime() throws UnknownHostException {
        receive("/hook", exchange -> answer(exchange, 200, "reached"));
        InetAddress publicAddress = InetAddress.getByName("93.184.215.14");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AtomicInteger lookups = new AtomicInteger();
        HostResolver rebinding = host -> lookups.getAndIncrement() == 0 ? List.of(publicAddress) : List.of(loopback);
        TargetPolicy policy = new TargetPolicy(false);
        WebhookUrl url = WebhookUrl.parse("https://hooks.example.test:" + port() + "/hook");
        policy.checkScheme(url);
        policy.checkAddresses(url.host(), rebinding.resolve(url.host())); // registration: passes

        Result result = publicOnlySender(rebinding).send(new Request(url, HEADERS, BODY, TIMEOUT));

        assertThat(result).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> {
            assertThat(notAnswered.error()).isEqualTo("target_refused");
            assertThat(notAnswered.detail()).contains("loopback");
        });
        assertThat(lookups).hasValue(2);
        assertThat(received).isEmpty();
    }

    @Test
    void givenOneOfSeveralAddressesIsPrivate_send_isRefused() throws UnknownHostException {
        List<InetAddress> mixed = List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7"));

        Result result = publicOnlySender(host -> mixed).send(request("https://hooks.example.test/hook"));

        assertThat(result).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> {
            assertThat(notAnswered.error()).isEqualTo("target_refused");
            assertThat(notAnswered.detail()).contains("private");
        });
    }

    @Test
    void givenPrivateTargetsAllowed_sendToCloudMetadata_isStillRefused() {
        Result ipv4 = sender.send(request("http://169.254.169.254/latest/meta-data/"));
        Result ipv6 = sender.send(request("http://[fd00:ec2::254]/latest/meta-data/"));

        assertThat(List.of(ipv4, ipv6)).allSatisfy(result ->
                assertThat(result).isInstanceOfSatisfying(NotAnswered.class, notAnswered -> {
                    assertThat(notAnswered.error()).isEqualTo("target_refused");
                    assertThat(notAnswered.detail()).contains("cloud metadata");
                }));
    }

    @Test
    void givenConnectionsAreReused_send_stillAnswersEachRequest() {
        AtomicInteger count = new AtomicInteger();
        receive("/hook", exchange -> answer(exchange, 200, "n" + count.incrementAndGet()));

        for (int i = 1; i <= 5; i++) {
            Result result = sender.send(request("http://127.0.0.1:" + port() + "/hook"));
            int expected = i;
            assertThat(result).isInstanceOfSatisfying(Answered.class,
                    answered -> assertThat(answered.bodyStart()).isEqualTo("n" + expected));
        }
    }

    private ApacheWebhookSender publicOnlySender(HostResolver resolver) {
        ApacheWebhookSender publicOnly = new ApacheWebhookSender(resolver, new TargetPolicy(false), 20, 200);
        closeAfter(publicOnly);
        return publicOnly;
    }

    private final List<ApacheWebhookSender> extraSenders = new CopyOnWriteArrayList<>();

    private void closeAfter(ApacheWebhookSender extra) {
        extraSenders.add(extra);
    }

    @AfterEach
    void closeExtraSenders() {
        extraSenders.forEach(ApacheWebhookSender::close);
    }

    private void receive(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes()));
            try {
                handler.handle(exchange);
            } catch (IOException e) {
                // the sender hung up (deadline, enough body read): expected in some tests
            } finally {
                exchange.close();
            }
        });
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private static Request request(String url) {
        return request(url, TIMEOUT);
    }

    private static Request request(String url, Duration timeout) {
        return new Request(WebhookUrl.parse(url), HEADERS, BODY, timeout);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
