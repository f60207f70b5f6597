package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The web console at {@code /console}, driven in Debian's headless Chromium ({@link HeadlessChromium}) through
 * the whole path a user takes: a wrong key is refused, the space's key opens the space and its live updates,
 * the list pages with its cursor, a file is uploaded with progress, its status moves to ready through the event
 * stream (no reload), the thread filter finds it, it downloads byte for byte and is deleted; the key is then
 * forgotten. The page must fit a 360 px wide screen.
 *
 * <p>It saves a screenshot in {@code target/console.png}; with {@code -Dartifacts.console.screenshot=PATH}
 * (docs/console.md: {@code ../docs/console.png}) there too.
 */
@QuarkusTest
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestFixtures fixtures;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private ConsolePage console;

    @BeforeEach
    void startBrowser() throws IOException {
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        console = new ConsolePage(browser);
        browser.manage().window().setSize(new Dimension(1100, 1000));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void givenSpaceKey_console_listsUploadsDownloadsAndDeletes() throws IOException {
        TestFixtures.SpaceKey space = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        Instant now = fixtures.now();
        fixtures.add(IntStream.rangeClosed(1, 11).mapToObj(i -> fixtures.pendingArtifact(space.spaceId(),
                "existing-%02d.txt".formatted(i), DocumentType.DOCUMENT, List.of(), now.minusSeconds(60 - i))).toList());

        // /console redirects to /console/; every field of the page has a label.
        console.open();
        assertThat(browser.getCurrentUrl()).endsWith("/console/");
        assertThat(console.script("return [...document.querySelectorAll('input, select')].filter(e => e.labels.length === 0)"
                + ".map(e => e.id)")).isEqualTo(List.of());

        // A wrong key is refused, and nothing is kept.
        console.enterKey(space.spaceId(), "ak_wrong_0123456789abcdef0123456789abcdef");
        await("the 401 is told").atMost(WAIT).until(() -> console.text("error").contains("401"));
        assertThat(console.byId("workspace").isDisplayed()).isFalse();
        assertThat(console.script("return sessionStorage.length")).isEqualTo(0L);

        // The space's key opens it: the first page, newest first.
        console.enterKey(space.spaceId(), space.apiKey());
        await("the space's artifacts").atMost(WAIT).until(() -> console.cardNames().size() == 11);
        assertThat(console.cardNames().get(0)).isEqualTo("existing-11.txt");
        assertThat(console.text("error")).isEmpty();
        assertThat(browser.getCurrentUrl()).doesNotContain(space.apiKey());
        await("the live updates").atMost(WAIT).until(() -> "live".equals(console.liveState()));

        // Ten a page: the cursor leads to the eleventh and back.
        console.choose("filter-limit", "10");
        console.submit("filter-form");
        await("a page of 10").atMost(WAIT).until(() -> console.cardNames().size() == 10 && console.byId("next-page").isEnabled());
        console.byId("next-page").click();
        await("the second page").atMost(WAIT).until(() -> console.cardNames().equals(List.of("existing-01.txt")));
        assertThat(console.byId("next-page").isEnabled()).isFalse();
        console.byId("previous-page").click();
        await("the first page again").atMost(WAIT).until(() -> console.cardNames().size() == 10);

        // Upload a file with a thread: its progress reaches 100 % and the new artifact is pending.
        String thread = "console-" + UUID.randomUUID();
        String name = "console-" + thread.substring(8, 16) + ".txt";
        byte[] bytes = "Uploaded from the web console.\n".repeat(8000).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(chromium.downloads().resolveSibling(name), bytes);
        console.byId("upload-file").sendKeys(file.toString());
        console.choose("upload-type", "text");
        console.byId("upload-threads").sendKeys(thread);
        console.submit("upload-form");
        await("the upload's answer").atMost(WAIT).until(() -> console.text("upload-status").startsWith(name + ": pending"));
        assertThat(console.byId("upload-progress").getDomProperty("value")).isEqualTo("100");
        await("the new artifact on top").atMost(WAIT).until(() -> console.cardNames().get(0).equals(name));
        String artifactId = console.cardAttribute(name, "data-artifact-id");

        // The worker's job runs: its events reach the card and the upload's status line through the stream.
        String base = artifactsPath(space.spaceId());
        String jobId = as(space.apiKey()).get(base + "/" + artifactId + "/jobs").jsonPath().getString("data[0].id");
        fixtures.runJob(space.spaceId(), artifactId, jobId);
        await("ready, live").atMost(WAIT).until(() -> "ready".equals(console.cardAttribute(name, "data-status")));
        await("the status line").atMost(WAIT)
                .until(() -> console.text("upload-status").equals(name + ": pending → processing → ready (242.2 KiB)"));
        screenshot();

        // The thread filter finds it alone.
        console.byId("filter-thread").sendKeys(thread);
        console.submit("filter-form");
        await("filtered by thread").atMost(WAIT).until(() -> console.cardNames().equals(List.of(name)));

        // Download: the browser saves the same bytes under the artifact's name.
        console.cardButton("Download " + name).click();
        Path downloaded = chromium.downloads().resolve(name);
        await("the download").atMost(WAIT).until(() -> Files.isRegularFile(downloaded) && Files.size(downloaded) == bytes.length);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(bytes);

        // Delete, confirmed: the card goes and the artifact is deleted.
        console.cardButton("Delete " + name).click();
        await("the confirmation").atMost(WAIT).ignoreException(NoAlertPresentException.class)
                .until(() -> browser.switchTo().alert() != null);
        browser.switchTo().alert().accept();
        await("the card removed").atMost(WAIT).until(() -> console.cardNames().isEmpty());
        assertThat(as(space.apiKey()).get(base + "/" + artifactId).jsonPath().getString("status")).isEqualTo("deleted");

        // At phone width nothing needs a sideways scroll.
        browser.manage().window().setSize(new Dimension(360, 800));
        assertThat(console.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);

        // Forget the key: the form is back and the tab keeps nothing.
        console.byId("forget-key").click();
        assertThat(console.byId("key-form").isDisplayed()).isTrue();
        assertThat(console.byId("workspace").isDisplayed()).isFalse();
        assertThat(console.script("return sessionStorage.length")).isEqualTo(0L);
    }

    /** The page from its top, at a laptop's size, as in the README. */
    private void screenshot() throws IOException {
        browser.manage().window().setSize(new Dimension(1100, 1250));
        console.script("window.scrollTo(0, 0); document.activeElement.blur()");
        byte[] png = browser.getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("target", "console.png"), png);
        String copy = System.getProperty("artifacts.console.screenshot", "");
        if (!copy.isBlank()) {
            Files.write(Path.of(copy), png);
        }
    }
}
