package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads of a ready artifact whose bytes are in the test stack's S3: ranges, conditional requests, HEAD,
 * the presigned redirect and the headers that keep a browser from rendering the bytes.
 */
@QuarkusTest
class DownloadApiTest {

    private static final int SIZE = 10_000;
    private static final String CSP = "default-src 'none'; sandbox";

    @Inject
    TestFixtures fixtures;

    private byte[] bytes;
    private Artifact artifact;
    private String etag;

    @BeforeEach
    void readyArtifact() {
        bytes = new byte[SIZE];
        new Random(42).nextBytes(bytes);
        artifact = fixtures.addReady(bootstrapSpace(), "Report \"Q4\" é.pdf", bytes, "application/pdf");
        etag = "\"" + sha256Hex(bytes) + "\"";
    }

    private String downloadPath() {
        return artifactsPath(bootstrapSpace()) + "/" + artifact.id() + "/download";
    }

    private static void assertNeverRendered(Response response) {
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Content-Security-Policy")).isEqualTo(CSP);
    }

    private static void assertAttachment(Response response) {
        assertNeverRendered(response);
        assertThat(response.header("Content-Disposition")).startsWith("attachment; filename=\"Report _Q4_ ")
                .contains("filename*=UTF-8''Report%20%22Q4%22%20%C3%A9.pdf");
    }

    @Test
    void givenNoRange_download_returnsAllBytes_withAcceptRanges() {
        Response response = api().get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEqualTo(bytes);
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
        assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(response.header("ETag")).isEqualTo(etag);
        assertThat(response.header("Content-Range")).isNull();
        assertAttachment(response);
    }

    @Test
    void givenRangeFirst100_download_returns206WithExactlyThoseBytes() {
        Response response = api().header("Range", "bytes=0-99").get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 0, 100));
        assertThat(response.header("Content-Range")).isEqualTo("bytes 0-99/" + SIZE);
        assertThat(response.header("Content-Length")).isEqualTo("100");
        assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(response.header("ETag")).isEqualTo(etag);
        assertThat(response.header("Accept-Ranges")).isEqualTo("bytes");
        assertAttachment(response);
    }

    @Test
    void givenOpenRange_download_returnsTheRest() {
        Response response = api().header("Range", "bytes=9000-").get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 9000, SIZE));
        assertThat(response.header("Content-Range")).isEqualTo("bytes 9000-9999/" + SIZE);
        assertThat(response.header("Content-Length")).isEqualTo("1000");
    }

    @Test
    void givenSuffixRange_download_returnsTheLastBytes() {
        Response response = api().header("Range", "bytes=-10").get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, SIZE - 10, SIZE));
        assertThat(response.header("Content-Range")).isEqualTo("bytes 9990-9999/" + SIZE);
        assertThat(response.header("Content-Length")).isEqualTo("10");
    }

    @Test
    void givenRangePastTheEnd_download_isClippedToTheEnd() {
        Response response = api().header("Range", "bytes=9995-20000").get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 9995, SIZE));
        assertThat(response.header("Content-Range")).isEqualTo("bytes 9995-9999/" + SIZE);
    }

    @Test
    void givenUnsatisfiableRange_download_returns416WithTheLength() {
        for (String range : new String[] {"bytes=10000-", "bytes=20000-30000", "bytes=-0"}) {
            Response response = api().header("Range", range).get(downloadPath());

            assertProblem(response, 416, "range_not_satisfiable");
            assertThat(response.header("Content-Range")).as(range).isEqualTo("bytes */" + SIZE);
            assertNeverRendered(response);
        }
    }

    @Test
    void givenSeveralRanges_download_returnsAllBytesWith200() {
        Response response = api().header("Range", "bytes=0-1,5-6").get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.asByteArray()).isEqualTo(bytes);
        assertThat(response.header("Content-Range")).isNull();
    }

    @Test
    void givenInvalidRange_download_ignoresIt() {
        for (String range : new String[] {"bytes=5-1", "bytes=abc", "items=0-1", "bytes 0-1"}) {
            Response response = api().header("Range", range).get(downloadPath());

            assertThat(response.statusCode()).as(range).isEqualTo(200);
            assertThat(response.asByteArray()).as(range).isEqualTo(bytes);
        }
    }

    @Test
    void givenIfRangeWithCurrentEtag_download_servesTheRange() {
        Response response = api().header("Range", "bytes=0-9").header("If-Range", etag).get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(bytes, 0, 10));
    }

    @Test
    void givenIfRangeWithOtherOrWeakEtag_download_servesEverything() {
        for (String ifRange : new String[] {"\"outdated\"", "W/" + etag, "Fri, 27 Nov 2026 10:00:00 GMT"}) {
            Response response = api().header("Range", "bytes=0-9").header("If-Range", ifRange).get(downloadPath());

            assertThat(response.statusCode()).as(ifRange).isEqualTo(200);
            assertThat(response.asByteArray()).as(ifRange).isEqualTo(bytes);
        }
    }

    @Test
    void givenIfNoneMatch_download_returns304_alsoWeakAndInLists() {
        for (String ifNoneMatch : new String[] {etag, "W/" + etag, "\"other\", " + etag, "*"}) {
            Response response = api().header("If-None-Match", ifNoneMatch).header("Range", "bytes=0-9")
                    .get(downloadPath());

            assertThat(response.statusCode()).as(ifNoneMatch).isEqualTo(304);
            assertThat(response.asByteArray()).isEmpty();
            assertThat(response.header("ETag")).isEqualTo(etag);
        }
        assertThat(api().header("If-None-Match", "\"other\"").get(downloadPath()).statusCode()).isEqualTo(200);
    }

    @Test
    void givenHead_download_answersLikeGet_withoutABody() {
        Response head = api().head(downloadPath());
        Response get = api().get(downloadPath());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.asByteArray()).isEmpty();
        for (String header : new String[] {"Content-Length", "Content-Type", "ETag", "Accept-Ranges",
                "Content-Disposition", "X-Content-Type-Options", "Content-Security-Policy", "Cache-Control"}) {
            assertThat(head.header(header)).as(header).isNotNull().isEqualTo(get.header(header));
        }
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(SIZE));
    }

    @Test
    void givenHeadWithRange_download_answers206Headers() {
        Response head = api().header("Range", "bytes=100-199").head(downloadPath());

        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.asByteArray()).isEmpty();
        assertThat(head.header("Content-Range")).isEqualTo("bytes 100-199/" + SIZE);
        assertThat(head.header("Content-Length")).isEqualTo("100");
        assertNeverRendered(head);

        Response unsatisfiable = api().header("Range", "bytes=10000-").head(downloadPath());
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */" + SIZE);

        assertThat(api().header("If-None-Match", etag).head(downloadPath()).statusCode()).isEqualTo(304);
    }

    @Test
    void givenHeadOfPendingArtifact_download_returns409() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "not-yet.txt");
        Response head = api().head(artifactsPath(bootstrapSpace()) + "/" + pending.id() + "/download");
        assertThat(head.statusCode()).isEqualTo(409);
    }

    @Test
    void givenRedirect_download_returns302ToAPresignedUrlServingTheSameBytes() throws Exception {
        Response response = api().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig()
                .followRedirects(false))).queryParam("redirect", "true").get(downloadPath());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertNeverRendered(response);
        URI location = URI.create(response.header("Location"));
        assertThat(location.getQuery()).contains("X-Amz-Expires=300").contains("X-Amz-Signature=");

        // A plain client without any credentials follows it to the store.
        HttpResponse<byte[]> fromStore = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fromStore.statusCode()).isEqualTo(200);
        assertThat(fromStore.body()).isEqualTo(bytes);
        assertThat(fromStore.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(fromStore.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment; filename=");
    }

    @Test
    void givenInvalidRedirectValue_download_returns400() {
        assertProblem(api().queryParam("redirect", "yes").get(downloadPath()), 400, "invalid_redirect");
    }

    @Test
    void givenRedirectOfPendingArtifact_download_returns409() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "not-yet.txt");
        assertProblem(api().queryParam("redirect", "true")
                .get(artifactsPath(bootstrapSpace()) + "/" + pending.id() + "/download"), 409, "artifact_not_ready");
    }

    @Test
    void givenMetadata_get_carriesAnEtag_andIfNoneMatchGives304() {
        String path = artifactsPath(bootstrapSpace()) + "/" + artifact.id();
        Response first = api().get(path);
        assertThat(first.statusCode()).isEqualTo(200);
        String metadataEtag = first.header("ETag");
        assertThat(metadataEtag).matches("\"[0-9a-f]{64}\"");
        assertThat(api().get(path).header("ETag")).as("stable while nothing changes").isEqualTo(metadataEtag);

        Response notModified = api().header("If-None-Match", metadataEtag).get(path);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.asByteArray()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(metadataEtag);
        assertThat(api().header("If-None-Match", "W/" + metadataEtag).get(path).statusCode()).isEqualTo(304);
        assertThat(api().header("If-None-Match", "\"other\"").get(path).statusCode()).isEqualTo(200);
    }

    @Test
    void givenArtifactThatChanges_metadataEtag_changes() {
        Artifact pending = fixtures.addPending(bootstrapSpace(), "changing.txt");
        String path = artifactsPath(bootstrapSpace()) + "/" + pending.id();
        String before = api().get(path).header("ETag");

        Artifact processing = pending.startProcessing(fixtures.now());
        fixtures.update(processing);

        Response after = api().header("If-None-Match", before).get(path);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.jsonPath().getString("status")).isEqualTo("processing");
        assertThat(after.header("ETag")).isNotEqualTo(before);
    }
}
