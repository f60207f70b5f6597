package com.aimabledocs.artifacts.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.port.ObjectStore.ObjectContent;
import com.aimabledocs.artifacts.domain.port.ObjectStore.ObjectInfo;
import com.aimabledocs.artifacts.domain.port.ObjectStore.ResponseOverrides;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link S3ObjectStore} against the real S3-compatible server of the local test stack (s3proxy,
 * {@code STACK_PROFILE=test deploy/local/stack up}). Settings come from the {@code ARTIFACTS_S3_*} variables
 * that {@code deploy/local/stack env} prints, with the test stack's values as defaults. Every object is
 * written under a fresh random space, so runs never see each other's objects.
 */
class S3ObjectStoreTest {

    private static final String ENDPOINT = env("ARTIFACTS_S3_ENDPOINT", "http://127.0.0.1:29000");
    private static final String BUCKET = env("ARTIFACTS_S3_BUCKET", "artifacts");
    private static final String ACCESS_KEY = env("ARTIFACTS_S3_ACCESS_KEY", "artifacts-local");
    private static final String SECRET_KEY = env("ARTIFACTS_S3_SECRET_KEY", "artifacts-local-secret");
    private static final String REGION = env("ARTIFACTS_S3_REGION", "us-east-1");

    private static final MediaType TEXT = new MediaType("text/plain");
    private static final MediaType BINARY = MediaType.OCTET_STREAM;
    private static final long LARGE_SIZE = 32L * 1024 * 1024;
    /** Small on purpose: a stream that does not give its connection back exhausts this pool quickly. */
    private static final int MAX_CONNECTIONS = 4;

    private static S3Client s3;
    private static S3Presigner presigner;
    private static S3ObjectStore store;

    private final List<ObjectKey> written = new ArrayList<>();

    @BeforeAll
    static void connect() {
        s3 = client(ENDPOINT);
        presigner = presigner(ENDPOINT);
        store = new S3ObjectStore(s3, presigner, BUCKET);
    }

    @AfterAll
    static void disconnect() {
        s3.close();
        presigner.close();
    }

    @AfterEach
    void removeObjects() {
        written.forEach(key -> {
            try {
                store.delete(key);
            } catch (RuntimeException ignored) {
                // best effort: the keys are unique, a leftover harms no other run
            }
        });
    }

    @Test
    void givenStoredBytes_statOpenAndDelete_roundTripExactly() throws IOException {
        ObjectKey key = freshKey();
        byte[] bytes = "hello world\n\u00e9\u4e16".getBytes(StandardCharsets.UTF_8);

        store.put(key, new ByteArrayInputStream(bytes), bytes.length, TEXT);

        assertThat(store.stat(key)).contains(new ObjectInfo(bytes.length));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key.value()));
        assertThat(head.contentType()).isEqualTo("text/plain");
        try (ObjectContent content = store.open(key).orElseThrow()) {
            assertThat(content.length()).isEqualTo(bytes.length);
            assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
        }

        store.delete(key);

        assertThat(store.stat(key)).isEmpty();
        assertThat(store.open(key)).isEmpty();
    }

    @Test
    void givenExistingObject_put_replacesItsContent() throws IOException {
        ObjectKey key = freshKey();
        byte[] first = "first version, the longer one".getBytes(StandardCharsets.UTF_8);
        byte[] second = "second".getBytes(StandardCharsets.UTF_8);

        store.put(key, new ByteArrayInputStream(first), first.length, TEXT);
        store.put(key, new ByteArrayInputStream(second), second.length, BINARY);

        assertThat(store.stat(key)).contains(new ObjectInfo(second.length));
        try (ObjectContent content = store.open(key).orElseThrow()) {
            assertThat(content.stream().readAllBytes()).isEqualTo(second);
        }
    }

    @Test
    void givenEmptyContent_put_storesAZeroLengthObject() throws IOException {
        ObjectKey key = freshKey();

        store.put(key, InputStream.nullInputStream(), 0, BINARY);

        assertThat(store.stat(key)).contains(new ObjectInfo(0));
        try (ObjectContent content = store.open(key).orElseThrow()) {
            assertThat(content.length()).isZero();
            assertThat(content.stream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void given32MiBStream_putAndOpen_streamBothWaysWithIdenticalDigest() throws IOException {
        ObjectKey key = freshKey();
        GeneratedStream upload = new GeneratedStream(LARGE_SIZE, 42);

        store.put(key, upload, LARGE_SIZE, BINARY);

        assertThat(upload.produced()).as("bytes the store read from the stream").isEqualTo(LARGE_SIZE);
        assertThat(store.stat(key)).contains(new ObjectInfo(LARGE_SIZE));
        MessageDigest downloaded = sha256();
        long read = 0;
        try (ObjectContent content = store.open(key).orElseThrow()) {
            assertThat(content.length()).isEqualTo(LARGE_SIZE);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = content.stream().read(buffer)) >= 0; ) {
                downloaded.update(buffer, 0, n);
                read += n;
            }
        }
        assertThat(read).isEqualTo(LARGE_SIZE);
        assertThat(HexFormat.of().formatHex(downloaded.digest())).isEqualTo(upload.sha256Hex());

        // Closing a large object after reading only its head releases the connection (abort, no drain):
        // with a pool of MAX_CONNECTIONS, a leak would make the later opens time out.
        for (int i = 0; i < MAX_CONNECTIONS * 3; i++) {
            try (ObjectContent content = store.open(key).orElseThrow()) {
                assertThat(content.stream().readNBytes(1024)).hasSize(1024);
            }
        }
        assertThat(store.stat(key)).contains(new ObjectInfo(LARGE_SIZE));
    }

    @Test
    void givenMissingKey_statAndOpen_areEmpty() {
        ObjectKey key = freshKey();

        assertThat(store.stat(key)).isEmpty();
        assertThat(store.open(key)).isEmpty();
    }

    @Test
    void givenStoredObject_openRange_streamsOnlyThoseBytes() throws IOException {
        ObjectKey key = freshKey();
        byte[] bytes = "0123456789abcdefghij".getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, TEXT);

        try (ObjectContent content = store.open(key, new ByteRange(5, 9)).orElseThrow()) {
            assertThat(content.length()).isEqualTo(5);
            assertThat(new String(content.stream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("56789");
        }
        try (ObjectContent content = store.open(key, new ByteRange(19, 19)).orElseThrow()) {
            assertThat(content.stream().readAllBytes()).containsExactly('j');
        }
        assertThat(store.open(freshKey(), new ByteRange(0, 1))).isEmpty();
    }

    @Test
    void givenStoredObject_presignGet_letsAPlainClientFetchIt_withTheOverriddenHeaders() throws Exception {
        ObjectKey key = freshKey();
        byte[] bytes = "presigned bytes".getBytes(StandardCharsets.UTF_8);
        store.put(key, new ByteArrayInputStream(bytes), bytes.length, TEXT);

        URI url = store.presignGet(key, Duration.ofMinutes(1),
                new ResponseOverrides("application/pdf", "attachment; filename=\"r.pdf\""));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"r.pdf\"");
        assertThat(url.getQuery()).contains("X-Amz-Expires=60").doesNotContain(SECRET_KEY);
    }

    @Test
    void givenMissingKey_delete_succeeds() {
        assertThatCode(() -> store.delete(freshKey())).doesNotThrowAnyException();
    }

    @Test
    void givenNothingListening_everyOperation_throwsStorageUnavailable() {
        try (S3Client unreachable = client("http://127.0.0.1:1")) {
            S3ObjectStore down = new S3ObjectStore(unreachable, presigner, BUCKET);
            ObjectKey key = freshKey();
            byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);

            assertUnavailable(() -> down.put(key, new ByteArrayInputStream(bytes), bytes.length, TEXT));
            assertUnavailable(() -> down.stat(key));
            assertUnavailable(() -> down.open(key));
            assertUnavailable(() -> down.delete(key));
            assertUnavailable(down::checkReachable);
        }
    }

    @Test
    void givenExistingBucket_checkReachable_succeeds() {
        assertThatCode(store::checkReachable).doesNotThrowAnyException();
    }

    @Test
    void givenMissingBucket_checkReachable_throws() {
        S3ObjectStore missing = new S3ObjectStore(s3, presigner, "artifacts-missing-" + UUID.randomUUID());

        assertThatThrownBy(missing::checkReachable)
                .isInstanceOf(S3Exception.class)
                .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(404));
    }

    private static void assertUnavailable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(UnavailableException.class)
                .satisfies(e -> assertThat(((UnavailableException) e).code()).isEqualTo("storage_unavailable"));
    }

    private ObjectKey freshKey() {
        ObjectKey key = ObjectKey.contentOf(SpaceId.of(UUID.randomUUID()), ArtifactId.of(UUID.randomUUID()));
        written.add(key);
        return key;
    }

    private static S3Client client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(MAX_CONNECTIONS)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .connectionAcquisitionTimeout(Duration.ofSeconds(5)))
                .build();
    }

    private static S3Presigner presigner(String endpoint) {
        return S3Presigner.builder()
                .endpointOverride(URI.create(endpoint))
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .pathStyleAccessEnabled(true).build())
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code size} pseudo-random bytes made on demand (xorshift), hashed as they are handed out: the test
     * never holds the content in memory. Supports mark/reset, as the SDK may rewind a request body to retry.
     */
    private static final class GeneratedStream extends InputStream {

        private final long size;
        private final long seed;
        private long position;
        private long state;
        private long markPosition;
        private long markState;
        private final MessageDigest digest = sha256();
        private long digested;

        GeneratedStream(long size, long seed) {
            this.size = size;
            this.seed = seed;
            this.state = seed;
        }

        private int nextByte() {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            return (int) (state & 0xff);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) nextByte();
            }
            // Hash each byte once, even if the SDK rewinds and reads a part again.
            long fresh = position + n - digested;
            if (fresh > 0) {
                int skip = (int) (n - fresh);
                digest.update(buffer, offset + skip, (int) fresh);
                digested += fresh;
            }
            position += n;
            return n;
        }

        @Override
        public boolean markSupported() {
            return true;
        }

        @Override
        public synchronized void mark(int readLimit) {
            markPosition = position;
            markState = state;
        }

        @Override
        public synchronized void reset() {
            position = markPosition;
            state = markState;
        }

        long produced() {
            return digested;
        }

        String sha256Hex() {
            assertThat(digested).as("hashed bytes of seed " + seed).isEqualTo(size);
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
