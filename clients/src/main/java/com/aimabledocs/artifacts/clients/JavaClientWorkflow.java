package com.aimabledocs.artifacts.clients;

import static com.aimabledocs.artifacts.clients.WorkflowChecks.check;
import static com.aimabledocs.artifacts.clients.WorkflowChecks.env;
import static com.aimabledocs.artifacts.clients.WorkflowChecks.header;
import static com.aimabledocs.artifacts.clients.WorkflowChecks.readAndDelete;
import static com.aimabledocs.artifacts.clients.WorkflowChecks.sha256;

import com.aimabledocs.artifacts.client.ApiClient;
import com.aimabledocs.artifacts.client.ApiException;
import com.aimabledocs.artifacts.client.ApiResponse;
import com.aimabledocs.artifacts.client.api.ArtifactsApi;
import com.aimabledocs.artifacts.client.api.ArtifactsApi.APIDeleteArtifactRequest;
import com.aimabledocs.artifacts.client.api.ArtifactsApi.APIDownloadArtifactRequest;
import com.aimabledocs.artifacts.client.api.ArtifactsApi.APIGenerateArtifactRequest;
import com.aimabledocs.artifacts.client.api.ArtifactsApi.APIGetArtifactRequest;
import com.aimabledocs.artifacts.client.api.ArtifactsApi.APIHeadArtifactDownloadRequest;
import com.aimabledocs.artifacts.client.api.ArtifactsApi.APIListArtifactsRequest;
import com.aimabledocs.artifacts.client.api.JobsApi;
import com.aimabledocs.artifacts.client.api.JobsApi.APIListArtifactJobsRequest;
import com.aimabledocs.artifacts.client.model.DocumentType;
import com.aimabledocs.artifacts.client.model.GenerateRequest;
import com.aimabledocs.artifacts.client.model.Problem;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A short workflow against a running Artifacts API, made only through the Java client generated from
 * docs/openapi.yaml (clients/pom.xml): generate (JSON and multipart), follow the jobs, list by thread walking the
 * cursor, read the metadata, download and compare the bytes, and see typed errors (404, 409, 410, 422).
 *
 * <p>Environment: ARTIFACTS_API_URL (default http://127.0.0.1:8080), ARTIFACTS_SPACE_ID, ARTIFACTS_API_KEY
 * (defaults: ./run's dev space and key), ARTIFACTS_WORKFLOW_TIMEOUT_SECONDS (default 60, per job). Prints one line
 * per step and ends with PASS; exits 1 on the first failure.
 */
public final class JavaClientWorkflow {

    private static final String PREFIX = "[java] ";

    private final UUID spaceId;
    private final String runId = "java-" + UUID.randomUUID().toString().substring(0, 8);
    private final String threadId = "clients-workflow-" + runId;
    private final Duration jobTimeout;
    private final ApiClient apiClient;
    private final TypedErrors errors;
    private final ArtifactsApi artifacts;
    private final JobsApi jobs;
    /** The generated ArtifactsApi again, on a client whose request interceptor sends {@link #pendingForm}. */
    private final ArtifactsApi artifactsAsForm;
    private final AtomicReference<MultipartForm> pendingForm = new AtomicReference<>();
    private final SecureRandom random = new SecureRandom();
    private int steps;

    private JavaClientWorkflow(String baseUrl, UUID spaceId, String apiKey, Duration jobTimeout) {
        this.spaceId = spaceId;
        this.jobTimeout = jobTimeout;
        // The native library does not implement security schemes: the X-API-Key goes in through the
        // request interceptor, its documented hook for headers every call needs.
        apiClient = new ApiClient();
        apiClient.updateBaseUri(baseUrl);
        apiClient.setConnectTimeout(Duration.ofSeconds(5));
        apiClient.setReadTimeout(Duration.ofSeconds(30));
        apiClient.setRequestInterceptor(request -> request.setHeader("X-API-Key", apiKey));
        artifacts = new ArtifactsApi(apiClient);
        jobs = new JobsApi(apiClient);
        errors = new TypedErrors(apiClient.getObjectMapper());

        // WORKAROUND (multipart): generateArtifact takes application/json or multipart/form-data, and the
        // generator makes one method per operation with the first request body only (GenerateRequest as JSON);
        // the GenerateForm model is generated but no method sends it. So the form goes through the same generated
        // generateArtifact method on a second ApiClient whose interceptor replaces the JSON body by the
        // multipart one (the JDK has no multipart encoder: MultipartForm below writes the parts). Path, parameters,
        // response parsing (GenerationAccepted) and errors (ApiException) stay the generated client's.
        ApiClient formClient = new ApiClient();
        formClient.updateBaseUri(baseUrl);
        formClient.setConnectTimeout(Duration.ofSeconds(5));
        formClient.setReadTimeout(Duration.ofSeconds(30));
        formClient.setRequestInterceptor(request -> {
            request.setHeader("X-API-Key", apiKey);
            MultipartForm form = pendingForm.get();
            if (form != null) {
                request.setHeader("Content-Type", form.contentType());
                request.method("POST", HttpRequest.BodyPublishers.ofByteArray(form.body()));
            }
        });
        artifactsAsForm = new ArtifactsApi(formClient);
    }

    public static void main(String[] args) {
        String baseUrl = env("ARTIFACTS_API_URL", "http://127.0.0.1:8080");
        String space = env("ARTIFACTS_SPACE_ID", "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f");
        String apiKey = env("ARTIFACTS_API_KEY", "ak_dev_0123456789abcdef0123456789abcdef");
        Duration timeout = Duration.ofSeconds(Long.parseLong(env("ARTIFACTS_WORKFLOW_TIMEOUT_SECONDS", "60")));
        JavaClientWorkflow workflow = new JavaClientWorkflow(baseUrl, UUID.fromString(space), apiKey, timeout);
        say("client generated by OpenAPI Generator (java, library native) against " + baseUrl + ", space " + space
                + ", run " + workflow.runId);
        try {
            workflow.run();
        } catch (Exception | AssertionError e) {
            // An ApiException's message names the operation, the status and the body.
            System.out.println(PREFIX + "FAIL after " + workflow.steps + " steps: " + e);
            System.exit(1);
        }
        System.out.println(PREFIX + "PASS: " + workflow.steps + " steps, Java client workflow against " + baseUrl);
    }

    private void run() throws Exception {
        // 1. Generate with JSON (content in base64), with an Idempotency-Key.
        byte[] textBytes = ("Hello from the generated Java client, run " + runId + "\n").repeat(40)
                .getBytes(StandardCharsets.UTF_8);
        String idempotencyKey = "clients-workflow-" + runId + "-json";
        GenerateRequest jsonRequest = new GenerateRequest()
                .name("workflow-" + runId + ".txt")
                .type(DocumentType.TEXT)
                .content(textBytes)
                .threadIds(List.of(threadId))
                .mediaType("text/plain")
                .metadata(Map.of("source", "clients-workflow", "run", runId))
                .contentSha256(sha256(textBytes));
        var jsonAccepted = artifacts.generateArtifactWithHttpInfo(APIGenerateArtifactRequest.newBuilder()
                .spaceId(spaceId).generateRequest(jsonRequest).idempotencyKey(idempotencyKey).build());
        check(jsonAccepted.getStatusCode() == 202, "generate (JSON) answered " + jsonAccepted.getStatusCode());
        var jsonArtifact = jsonAccepted.getData().getArtifact();
        var jsonJob = jsonAccepted.getData().getJob();
        step("generate JSON: HTTP 202, artifact " + jsonArtifact.getId() + " " + jsonArtifact.getStatus()
                + ", job " + jsonJob.getId() + " " + jsonJob.getStatus() + ", " + textBytes.length + " bytes sent as base64");

        // 2. Generate with multipart/form-data (the file as it is).
        byte[] binaryBytes = new byte[48 * 1024 + 7];
        random.nextBytes(binaryBytes);
        MultipartForm form = new MultipartForm()
                .field("name", "workflow-" + runId + ".bin")
                .field("type", "data")
                .field("thread_ids", threadId)
                .field("metadata", "{\"source\": \"clients-workflow\", \"run\": \"" + runId + "\"}")
                .field("content_sha256", sha256(binaryBytes))
                .file("file", "workflow-" + runId + ".bin", "application/octet-stream", binaryBytes);
        var formAccepted = generateAsForm(form, null);
        check(formAccepted.getStatusCode() == 202, "generate (multipart) answered " + formAccepted.getStatusCode());
        var formArtifact = formAccepted.getData().getArtifact();
        var formJob = formAccepted.getData().getJob();
        step("generate multipart: HTTP 202, artifact " + formArtifact.getId() + " " + formArtifact.getStatus()
                + ", job " + formJob.getId() + " " + formJob.getStatus() + ", " + binaryBytes.length + " bytes sent as a file part");

        // 3. Follow both jobs to succeeded.
        followJob(jsonArtifact.getId(), jsonJob.getId());
        followJob(formArtifact.getId(), formJob.getId());

        // 4. List by this run's thread, one per page, walking the cursor to the end.
        List<UUID> listed = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = artifacts.listArtifacts(APIListArtifactsRequest.newBuilder()
                    .spaceId(spaceId).threadId(threadId).limit(1).cursor(cursor).build());
            pages++;
            page.getData().forEach(a -> listed.add(a.getId()));
            check(Boolean.TRUE.equals(page.getHasMore()) == (page.getNextCursor() != null),
                    "has_more " + page.getHasMore() + " but next_cursor " + page.getNextCursor());
            cursor = page.getNextCursor();
            check(pages <= 10, "the cursor walk did not end after 10 pages");
        } while (cursor != null);
        check(listed.equals(List.of(formArtifact.getId(), jsonArtifact.getId())),
                "listed " + listed + ", expected the multipart then the JSON artifact (newest first)");
        step("list thread_id=" + threadId + " limit=1: " + pages + " pages walked by cursor, " + listed.size()
                + " artifacts, newest first " + listed);

        // 5 and 6. Metadata and download of each.
        verifyArtifact("JSON", jsonArtifact.getId(), textBytes, "text/plain");
        verifyArtifact("multipart", formArtifact.getId(), binaryBytes, null);

        // A range: the first 16 bytes, 206.
        var range = artifacts.downloadArtifactWithHttpInfo(APIDownloadArtifactRequest.newBuilder()
                .spaceId(spaceId).artifactId(formArtifact.getId()).range("bytes=0-15").build());
        byte[] firstBytes = readAndDelete(range.getData());
        check(range.getStatusCode() == 206 && Arrays.equals(firstBytes, Arrays.copyOf(binaryBytes, 16)),
                "range download answered " + range.getStatusCode() + " with " + firstBytes.length + " bytes");
        step("download multipart Range bytes=0-15: HTTP 206, " + firstBytes.length + " bytes, equal to the first 16 sent: true"
                + ", Content-Range " + header(range, "Content-Range"));

        // 7. Typed 404: an artifact ID nobody has.
        UUID unknown = UUID.randomUUID();
        Problem notFound = errors.expectProblem(404, () -> artifacts.getArtifact(APIGetArtifactRequest.newBuilder()
                .spaceId(spaceId).artifactId(unknown).build()));
        check("not_found".equals(notFound.getCode()), "404 code " + notFound.getCode());
        step("getArtifact unknown " + unknown + ": ApiException HTTP 404, problem code " + notFound.getCode()
                + ", request_id " + notFound.getRequestId());

        // 8. Typed 422: the JSON request's Idempotency-Key again, with another body. (The same body replays.)
        var replay = artifacts.generateArtifactWithHttpInfo(APIGenerateArtifactRequest.newBuilder()
                .spaceId(spaceId).generateRequest(jsonRequest).idempotencyKey(idempotencyKey).build());
        check(replay.getStatusCode() == 202 && jsonArtifact.getId().equals(replay.getData().getArtifact().getId())
                        && "true".equals(header(replay, "Idempotent-Replayed")),
                "the replay answered " + replay.getStatusCode() + " artifact " + replay.getData().getArtifact().getId());
        step("generate JSON again, same Idempotency-Key and body: HTTP 202 replayed (Idempotent-Replayed: "
                + header(replay, "Idempotent-Replayed") + "), same artifact " + replay.getData().getArtifact().getId());
        GenerateRequest otherBody = new GenerateRequest().name("workflow-" + runId + "-other.txt")
                .type(DocumentType.TEXT).content("another body".getBytes(StandardCharsets.UTF_8)).threadIds(List.of(threadId));
        Problem reused = errors.expectProblem(422, () -> artifacts.generateArtifact(APIGenerateArtifactRequest.newBuilder()
                .spaceId(spaceId).generateRequest(otherBody).idempotencyKey(idempotencyKey).build()));
        check("idempotency_key_reused".equals(reused.getCode()), "422 code " + reused.getCode());
        step("generate JSON again, same Idempotency-Key, another body: ApiException HTTP 422, problem code " + reused.getCode());

        // 9. Typed 409: download an artifact whose job has not finished yet (artifact_not_ready). The worker
        //    may win the race on a tiny file, so a few tries, each with a fresh artifact.
        Problem notReady = null;
        UUID probeId = null;
        int tries = 0;
        while (notReady == null && tries < 5) {
            tries++;
            byte[] probe = new byte[256 * 1024];
            random.nextBytes(probe);
            var accepted = generateAsForm(new MultipartForm().field("name", "workflow-" + runId + "-probe.bin")
                    .field("type", "data").field("thread_id", threadId + "-probe")
                    .file("file", "probe.bin", "application/octet-stream", probe), null);
            probeId = accepted.getData().getArtifact().getId();
            UUID id = probeId;
            try {
                readAndDelete(artifacts.downloadArtifact(APIDownloadArtifactRequest.newBuilder()
                        .spaceId(spaceId).artifactId(id).build()));
            } catch (ApiException e) {
                notReady = errors.problem(e, 409);
            }
        }
        check(notReady != null, "5 downloads right after generate all succeeded: no 409 seen");
        check("artifact_not_ready".equals(notReady.getCode()), "409 code " + notReady.getCode());
        step("download right after generate (try " + tries + "): ApiException HTTP 409, problem code " + notReady.getCode());

        // 10. Delete it (204) and see the download's typed 410.
        UUID deleted = probeId;
        var deletion = artifacts.deleteArtifactWithHttpInfo(APIDeleteArtifactRequest.newBuilder()
                .spaceId(spaceId).artifactId(deleted).build());
        check(deletion.getStatusCode() == 204, "delete answered " + deletion.getStatusCode());
        Problem gone = errors.expectProblem(410, () -> artifacts.downloadArtifact(APIDownloadArtifactRequest.newBuilder()
                .spaceId(spaceId).artifactId(deleted).build()));
        check("artifact_gone".equals(gone.getCode()), "410 code " + gone.getCode());
        step("deleteArtifact " + deleted + ": HTTP 204; its download: ApiException HTTP 410, problem code " + gone.getCode());
    }

    private ApiResponse<com.aimabledocs.artifacts.client.model.GenerationAccepted> generateAsForm(MultipartForm form,
            String idempotencyKey) throws ApiException {
        // The generated method insists on its (JSON) body parameter; the interceptor replaces it by the form.
        GenerateRequest replacedByTheForm = new GenerateRequest().name("-").type(DocumentType.OTHER).content(new byte[0]);
        pendingForm.set(form);
        try {
            return artifactsAsForm.generateArtifactWithHttpInfo(APIGenerateArtifactRequest.newBuilder()
                    .spaceId(spaceId).generateRequest(replacedByTheForm).idempotencyKey(idempotencyKey).build());
        } finally {
            pendingForm.set(null);
        }
    }

    private void followJob(UUID artifactId, UUID jobId) throws ApiException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + jobTimeout.toNanos();
        int polls = 0;
        while (true) {
            polls++;
            var job = jobs.listArtifactJobs(APIListArtifactJobsRequest.newBuilder()
                    .spaceId(spaceId).artifactId(artifactId).build())
                    .getData().stream().filter(j -> jobId.equals(j.getId())).findFirst()
                    .orElseThrow(() -> new AssertionError("job " + jobId + " is not among the artifact's jobs"));
            String status = job.getStatus().getValue();
            if ("succeeded".equals(status)) {
                step("job " + jobId + " of artifact " + artifactId + ": succeeded after " + polls + " polls, "
                        + (System.nanoTime() - start) / 1_000_000 + " ms, attempt " + job.getAttempt() + "/" + job.getMaxAttempts());
                return;
            }
            check(!"failed".equals(status) && !"canceled".equals(status),
                    "job " + jobId + " ended " + status + " with " + job.getError());
            check(System.nanoTime() < deadline, "job " + jobId + " still " + status + " after " + jobTimeout.toSeconds() + " s");
            Thread.sleep(polls < 10 ? 100 : 500);
        }
    }

    private void verifyArtifact(String label, UUID id, byte[] sent, String expectedMediaType) throws Exception {
        var artifact = artifacts.getArtifact(APIGetArtifactRequest.newBuilder().spaceId(spaceId).artifactId(id).build());
        String sentSha = sha256(sent);
        check("ready".equals(artifact.getStatus().getValue()), label + " artifact is " + artifact.getStatus());
        check(artifact.getSizeBytes() != null && artifact.getSizeBytes() == sent.length,
                label + " size_bytes " + artifact.getSizeBytes() + ", sent " + sent.length);
        check(sentSha.equals(artifact.getSha256()), label + " sha256 " + artifact.getSha256() + ", sent " + sentSha);
        check(artifact.getThreadIds().contains(threadId), label + " thread_ids " + artifact.getThreadIds());
        check(runId.equals(artifact.getMetadata().get("run")), label + " metadata " + artifact.getMetadata());
        if (expectedMediaType != null) {
            check(expectedMediaType.equals(artifact.getMediaType()), label + " media_type " + artifact.getMediaType());
        }
        step("getArtifact " + label + " " + id + ": " + artifact.getStatus() + ", " + artifact.getDocumentType()
                + ", size_bytes " + artifact.getSizeBytes() + ", media_type " + artifact.getMediaType()
                + " (detected " + artifact.getDetectedMediaType() + "), sha256 " + artifact.getSha256()
                + ", thread_ids " + artifact.getThreadIds() + ", metadata " + new java.util.TreeMap<>(artifact.getMetadata()));

        var download = artifacts.downloadArtifactWithHttpInfo(APIDownloadArtifactRequest.newBuilder()
                .spaceId(spaceId).artifactId(id).build());
        byte[] received = readAndDelete(download.getData());
        String receivedSha = sha256(received);
        check(download.getStatusCode() == 200, label + " download answered " + download.getStatusCode());
        check(Arrays.equals(received, sent), label + " downloaded bytes differ from those sent");
        check(receivedSha.equals(artifact.getSha256()), label + " downloaded sha256 differs from the metadata's");
        check(("\"" + receivedSha + "\"").equals(header(download, "ETag")), label + " ETag " + header(download, "ETag"));
        step("download " + label + ": HTTP 200, " + received.length + " bytes, Content-Type " + header(download, "Content-Type")
                + ", bytes equal to those sent: true, sha256 equal (sent = downloaded = metadata = ETag): true");

        var head = artifacts.headArtifactDownloadWithHttpInfo(APIHeadArtifactDownloadRequest.newBuilder()
                .spaceId(spaceId).artifactId(id).build());
        check(head.getStatusCode() == 200, label + " HEAD answered " + head.getStatusCode());
        check(Long.toString(sent.length).equals(header(head, "Content-Length")), label + " HEAD Content-Length " + header(head, "Content-Length"));
        check(header(download, "ETag").equals(header(head, "ETag")), label + " HEAD ETag " + header(head, "ETag"));
        step("headArtifactDownload " + label + ": HTTP 200, Content-Length " + header(head, "Content-Length")
                + ", ETag equal to the download's: true");
    }

    private void step(String line) {
        steps++;
        System.out.println(PREFIX + line);
    }

    private static void say(String line) {
        System.out.println(PREFIX + line);
    }

}
