package com.aimabledocs.artifacts.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver for webhook tests (the JDK's HttpServer on 127.0.0.1): each path answers from its script
 * (a status, optionally after a pause; the last entry repeats) and every request is kept as received.
 */
final class WebhookReceiver implements AutoCloseable {

    record Answer(int status, long delayMillis) {
    }

    record Received(String path, Map<String, List<String>> headers, String body, long atNanos) {

        String header(String name) {
            return headers.get(name).get(0);
        }
    }

    private final HttpServer server;
    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newFixedThreadPool(32));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of {@code path}, answering {@code answers} in turn (the last one from then on). */
    String url(String path, Answer... answers) {
        scripts.put(path, new ConcurrentLinkedQueue<>(List.of(answers)));
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        List<Received> found = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                found.add(r);
            }
        }
        return found;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
        received.add(new Received(path, headers, body, System.nanoTime()));
        Queue<Answer> script = scripts.getOrDefault(path, new ConcurrentLinkedQueue<>(List.of(new Answer(404, 0))));
        Answer answer = script.size() > 1 ? script.poll() : script.peek();
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            byte[] reply = ("answered " + answer.status()).getBytes(StandardCharsets.UTF_8);
            if (answer.status() == 204) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(answer.status(), reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // the dispatcher gave up (timeout) and closed the connection
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
