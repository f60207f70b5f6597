package com.aimabledocs.artifacts.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.port.EventJournal;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading its stream is disconnected once more than {@code artifacts.events.stream-buffer}
 * events wait for it (50 in the tests), instead of the API holding every event for it: after 20,000 events of
 * about 1 KB, the connection ends having delivered far less than the 20 MB written.
 */
@QuarkusTest
class SlowEventStreamClientTest {

    private static final int EVENTS = 20_000;

    @Inject
    TestFixtures fixtures;

    @Inject
    EventJournal journal;

    @Inject
    UnitOfWork unitOfWork;

    @Test
    void givenClientThatStopsReading_theApiEndsItsStreamRatherThanBufferingWithoutLimit() throws Exception {
        var space = fixtures.newSpace(Scope.ARTIFACTS_READ);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.getOutputStream().write(("GET /v1/spaces/" + space.spaceId() + "/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-API-Key: " + space.apiKey() + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] head = new byte[64];
            int n = in.read(head);
            assertThat(new String(head, 0, n, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");

            String payload = "{\"padding\":\"" + "x".repeat(1000) + "\"}";
            SpaceId spaceId = SpaceId.parse(space.spaceId());
            ArtifactId artifact = ArtifactId.of(UUID.randomUUID());
            unitOfWork.inTransaction(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    journal.append(spaceId, artifact, "job.queued", payload, Instant.now());
                }
            });
            // Once the journal shows the events, the feed offers them to the stream (within a poll interval),
            // which cannot send them: its buffer overflows.
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (journal.readSpace(spaceId, Optional.empty(), EVENTS).size() < EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(3_000);

            socket.setSoTimeout(30_000);
            long received = 0;
            boolean ended = false;
            byte[] buffer = new byte[65536];
            try {
                for (int read; (read = in.read(buffer)) >= 0; ) {
                    received += read;
                }
                ended = true;
            } catch (SocketTimeoutException stillOpen) {
                ended = false;
            } catch (IOException reset) {
                ended = true;
            }
            assertThat(ended).as("the API ended the stream of a client that stopped reading (received %d bytes)", received).isTrue();
            assertThat(received).as("bytes delivered before the end").isLessThan((long) EVENTS * payload.length() / 2);
        }
    }
}
