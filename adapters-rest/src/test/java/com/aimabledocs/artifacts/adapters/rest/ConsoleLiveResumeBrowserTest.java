package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console's live updates survive a lost connection after their event token expired: the browser's own
 * reconnection is refused (401, the token is 2 s old), the console fetches a new token and resumes after the
 * last event it saw, so the events of the gap still reach the page. Event tokens live 2 seconds here; the
 * browser reaches the API through a {@link CuttableProxy}, which loses the connection.
 */
@QuarkusTest
@TestProfile(ConsoleLiveResumeBrowserTest.ShortEventTokens.class)
class ConsoleLiveResumeBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    public static class ShortEventTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("artifacts.events.token-lifetime", "2s");
        }
    }

    @Inject
    TestFixtures fixtures;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private ConsolePage console;
    private CuttableProxy network;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        console = new ConsolePage(browser);
        network = new CuttableProxy(RestAssured.port);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (network != null) {
            network.close();
        }
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void givenExpiredTokenAndLostConnection_console_resumesAfterTheLastEvent() {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        console.open(network.port());
        console.enterKey(space.spaceId(), space.apiKey());
        await("the live updates").atMost(WAIT).until(() -> "live".equals(console.liveState()));

        // An artifact generated elsewhere appears through its artifact.pending event.
        String base = artifactsPath(space.spaceId());
        Response accepted = as(space.apiKey()).contentType("application/json")
                .body(generateBody("resumed.txt", "text", "resumed".getBytes(StandardCharsets.UTF_8), Map.of()))
                .post(base + "/generate");
        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        await("the new artifact, live").atMost(WAIT)
                .until(() -> "pending".equals(console.cardAttribute("resumed.txt", "data-status")));

        // The token expires, then the connection is lost; meanwhile the job runs.
        await().pollDelay(Duration.ofMillis(2500)).until(() -> true);
        network.cut();
        await("the stream lost").atMost(WAIT).until(() -> "reconnecting".equals(console.liveState()));
        fixtures.runJob(space.spaceId(), accepted.jsonPath().getString("artifact.id"),
                accepted.jsonPath().getString("job.id"));

        // Back online: refused with the old token, the console takes a new one and gets the gap's events.
        network.restore();
        await("ready, after the gap").atMost(WAIT)
                .until(() -> "ready".equals(console.cardAttribute("resumed.txt", "data-status")));
        assertThat(console.liveState()).isEqualTo("live");
        assertThat((Long) console.script("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.endsWith('/event-tokens')).length")).isGreaterThanOrEqualTo(2L);
    }
}
