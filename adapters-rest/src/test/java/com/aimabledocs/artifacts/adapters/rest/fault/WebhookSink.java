package com.aimabledocs.artifacts.adapters.rest.fault;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.standardwebhooks.Webhook;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A healthy webhook receiver for the scale-out test (the JDK's HttpServer on 127.0.0.1): answers 204 to every
 * delivery whose signature the Standard Webhooks reference library accepts (401 otherwise), and counts what it got
 * per webhook-id and per type.
 */
final class WebhookSink implements AutoCloseable {

    private static final Pattern TYPE = Pattern.compile("^\\{\"type\":\"([^\"]+)\"");

    private final HttpServer server;
    private volatile Webhook verifier;
    private final Map<String, AtomicInteger> byId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byType = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    WebhookSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void verifyWith(String secret) throws Exception {
        verifier = new Webhook(secret);
    }

    int ofType(String type) {
        AtomicInteger n = byType.get(type);
        return n == null ? 0 : n.get();
    }

    /** webhook-ids received more than once. */
    long duplicates() {
        return byId.values().stream().filter(n -> n.get() > 1).count();
    }

    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = Map.of(
                    "webhook-id", exchange.getRequestHeaders().getOrDefault("webhook-id", List.of()),
                    "webhook-timestamp", exchange.getRequestHeaders().getOrDefault("webhook-timestamp", List.of()),
                    "webhook-signature", exchange.getRequestHeaders().getOrDefault("webhook-signature", List.of()));
            try {
                verifier.verify(body, headers);
            } catch (Exception e) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            byId.computeIfAbsent(headers.get("webhook-id").get(0), id -> new AtomicInteger()).incrementAndGet();
            Matcher type = TYPE.matcher(body);
            byType.computeIfAbsent(type.find() ? type.group(1) : "?", t -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
