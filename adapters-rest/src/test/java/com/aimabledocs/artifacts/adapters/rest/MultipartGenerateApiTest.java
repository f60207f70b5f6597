package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.errorFields;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.generateBody;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.sha256Hex;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.uniqueThread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * POST …/artifacts/generate as {@code multipart/form-data} (a {@code file} part and the JSON body's fields as
 * form fields): the same answers, errors and idempotency as the JSON form, without base64.
 */
@QuarkusTest
class MultipartGenerateApiTest {

    @Inject
    TestFixtures fixtures;

    private static String generatePath() {
        return artifactsPath(bootstrapSpace()) + "/generate";
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A form with the required fields and a file part of {@code partType}. */
    private static RequestSpecification form(String name, byte[] file, String partType) {
        return api().multiPart("file", name, file, partType).multiPart("name", name).multiPart("type", "document");
    }

    @Test
    void givenValidForm_generate_returns202_andTheJobMakesItReadyWithIdenticalBytes() {
        byte[] file = randomBytes(300_000, 1);
        String thread1 = uniqueThread("mp1");
        String thread2 = uniqueThread("mp2");

        Response accepted = form("Q4 report.pdf", file, "application/pdf")
                .multiPart("thread_ids", thread1).multiPart("thread_ids", thread2)
                .multiPart("metadata", "{\"source\": \"multipart-test\"}")
                .multiPart("content_sha256", sha256Hex(file))
                .post(generatePath());

        assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
        JsonPath json = accepted.jsonPath();
        String artifactId = json.getString("artifact.id");
        assertThat(accepted.header("Location")).endsWith(artifactsPath(bootstrapSpace()) + "/" + artifactId);
        assertThat(json.getString("artifact.name")).isEqualTo("Q4 report.pdf");
        assertThat(json.getString("artifact.document_type")).isEqualTo("document");
        assertThat(json.getString("artifact.status")).isEqualTo("pending");
        assertThat(json.getString("artifact.media_type")).as("from the file part's Content-Type")
                .isEqualTo("application/pdf");
        assertThat(json.getList("artifact.thread_ids", String.class)).containsExactly(thread1, thread2);
        assertThat(json.getMap("artifact.metadata")).containsExactly(Map.entry("source", "multipart-test"));
        assertThat(json.getString("job.status")).isEqualTo("queued");

        var outcome = fixtures.runJob(bootstrapSpace(), artifactId, json.getString("job.id"));
        assertThat(outcome).isInstanceOf(ProcessGenerationRequestUseCase.Finished.class);

        JsonPath ready = api().get(artifactsPath(bootstrapSpace()) + "/" + artifactId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("ready");
        assertThat(ready.getLong("size_bytes")).isEqualTo(file.length);
        assertThat(ready.getString("sha256")).isEqualTo(sha256Hex(file));
        Response download = api().get(artifactsPath(bootstrapSpace()) + "/" + artifactId + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.asByteArray()).isEqualTo(file);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void givenPartTypeOrMediaTypeField_generate_takesTheFieldFirst_thenThePartType_butNotOctetStream() {
        byte[] file = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);

        assertThat(form("a.csv", file, "text/csv").post(generatePath()).jsonPath().getString("artifact.media_type"))
                .isEqualTo("text/csv");
        assertThat(form("a.csv", file, "text/csv; charset=utf-8").multiPart("media_type", "application/vnd.ms-excel")
                .post(generatePath()).jsonPath().getString("artifact.media_type")).isEqualTo("application/vnd.ms-excel");
        Response octet = form("a.csv", file, "application/octet-stream").post(generatePath());
        assertThat(octet.statusCode()).isEqualTo(202);
        assertThat(octet.jsonPath().getString("artifact.media_type")).as("left to detection").isNull();
    }

    @Test
    void givenSingleThreadIdField_generate_storesIt() {
        String thread = uniqueThread("mp-single");
        Response response = form("one.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("thread_id", thread).post(generatePath());
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(202);
        assertThat(response.jsonPath().getList("artifact.thread_ids", String.class)).containsExactly(thread);
    }

    @Test
    void givenMissingFieldsAndFile_generate_returns400ListingEachField() {
        JsonPath problem = assertProblem(api().multiPart("other", "x").post(generatePath()), 400, "validation_failed");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("name", "type", "file");
    }

    @Test
    void givenInvalidFields_generate_returns400WithTheJsonFormsMessages() {
        Response response = form("a.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("thread_id", "bad thread id").multiPart("media_type", "not a media type")
                .multiPart("metadata", "{\"bad key!\": \"v\"}").multiPart("content_sha256", "xyz")
                .post(generatePath());
        JsonPath problem = assertProblem(response, 400, "validation_failed");
        assertThat(errorFields(problem)).contains("thread_id", "media_type", "metadata", "content_sha256");

        JsonPath unknownType = assertProblem(api().multiPart("file", "a.txt", new byte[] {1}, "text/plain")
                .multiPart("name", "a.txt").multiPart("type", "spreadsheet-ish").post(generatePath()), 400,
                "validation_failed");
        assertThat(errorFields(unknownType)).containsExactly("type");
    }

    @Test
    void givenMetadataThatIsNotAJsonObjectOfStrings_generate_returns400() {
        for (String metadata : new String[] {"not json", "[1, 2]", "{\"k\": 1}", "\"text\""}) {
            JsonPath problem = assertProblem(form("a.txt", new byte[] {1}, "text/plain").multiPart("metadata", metadata)
                    .post(generatePath()), 400, "validation_failed");
            assertThat(errorFields(problem)).as(metadata).containsExactly("metadata");
        }
    }

    @Test
    void givenTwoFileParts_generate_returns400() {
        JsonPath problem = assertProblem(form("a.txt", new byte[] {1}, "text/plain")
                .multiPart("file", "b.txt", new byte[] {2}, "text/plain").post(generatePath()), 400, "validation_failed");
        assertThat(errorFields(problem)).containsExactly("file");
    }

    @Test
    void givenContentSha256Mismatch_generate_returns422() {
        assertProblem(form("a.txt", new byte[] {1, 2, 3}, "text/plain")
                .multiPart("content_sha256", sha256Hex(new byte[] {9})).post(generatePath()), 422,
                "content_sha256_mismatch");
    }

    @Test
    void givenSameIdempotencyKeyAndForm_generate_replaysTheFirstAnswer_andOtherBytesAreRefused() {
        String key = "mp-replay-" + UUID.randomUUID();
        byte[] file = randomBytes(50_000, 2);
        String thread = uniqueThread("mp-replay");

        Response first = form("replayed.bin", file, "application/pdf").header("Idempotency-Key", key)
                .multiPart("thread_id", thread).post(generatePath());
        Response second = form("replayed.bin", file, "application/pdf").header("Idempotency-Key", key)
                .multiPart("thread_id", thread).post(generatePath());

        assertThat(first.statusCode()).as(first.asString()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(202);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.asByteArray()).as("replayed body, byte for byte").isEqualTo(first.asByteArray());

        byte[] other = file.clone();
        other[0] ^= 1;
        assertProblem(form("replayed.bin", other, "application/pdf").header("Idempotency-Key", key)
                .multiPart("thread_id", thread).post(generatePath()), 422, "idempotency_key_reused");
        JsonPath listed = api().queryParam("thread_id", thread).get(artifactsPath(bootstrapSpace()))
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("data.id", String.class)).containsExactly(first.jsonPath().getString("artifact.id"));
    }

    @Test
    void givenSameRequestAsJsonThenAsForm_sameIdempotencyKey_replays() {
        String key = "mp-json-" + UUID.randomUUID();
        byte[] file = randomBytes(1_000, 3);

        Response json = api().contentType("application/json").header("Idempotency-Key", key)
                .body(generateBody("same.bin", "document", file, Map.of())).post(generatePath());
        Response multipart = form("same.bin", file, "application/octet-stream").header("Idempotency-Key", key)
                .post(generatePath());

        assertThat(json.statusCode()).as(json.asString()).isEqualTo(202);
        assertThat(multipart.statusCode()).as(multipart.asString()).isEqualTo(202);
        assertThat(multipart.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(multipart.asByteArray()).isEqualTo(json.asByteArray());
    }

    @Test
    void givenFormAboveTheUploadLimit_generate_returns413() {
        // artifacts.api.max-upload-bytes is 4 MiB in the test configuration; this form declares its 5 MiB.
        String boundary = "boundary-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbig.bin\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\ndata\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[5 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        Response response = api().contentType("multipart/form-data; boundary=" + boundary).body(body.toByteArray())
                .post(generatePath());

        assertProblem(response, 413, "payload_too_large");
    }

    @Test
    void givenChunkedFormAboveTheUploadLimit_generate_returns413() {
        // Without a Content-Length nothing can be refused up front; the HTTP layer's outer limit (set to
        // max-upload-bytes) stops the body once it passes the limit.
        Response response = form("big.bin", new byte[5 * 1024 * 1024], "application/octet-stream").post(generatePath());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void givenUrlEncodedForm_generate_returns415() {
        Response response = api().contentType("application/x-www-form-urlencoded").formParam("name", "a.txt")
                .post(generatePath());
        assertProblem(response, 415, "unsupported_media_type");
        assertThat(response.jsonPath().getString("detail")).contains("multipart/form-data");
    }

    @Test
    void afterFormRequests_noUploadedFileIsLeftBehind() throws IOException {
        Path uploads = Path.of(ConfigProvider.getConfig().getValue("quarkus.http.body.uploads-directory", String.class));
        form("kept-nowhere.bin", randomBytes(100_000, 4), "application/pdf").post(generatePath()).then().statusCode(202);
        api().multiPart("file", "invalid.bin", randomBytes(100_000, 5), "application/pdf")
                .multiPart("name", "invalid.bin").multiPart("type", "nonsense")
                .post(generatePath()).then().statusCode(400);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            try (Stream<Path> files = Files.exists(uploads) ? Files.list(uploads) : Stream.empty()) {
                assertThat(files.toList()).as("files in %s", uploads.toAbsolutePath()).isEmpty();
            }
        });
    }
}
