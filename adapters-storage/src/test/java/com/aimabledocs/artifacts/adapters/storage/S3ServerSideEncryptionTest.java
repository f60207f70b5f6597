package com.aimabledocs.artifacts.adapters.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Every write asks for the configured server-side encryption: the HTTP requests that leave the SDK are
 * captured by an {@link ExecutionInterceptor} and must carry {@code x-amz-server-side-encryption} (and the
 * KMS key ID for SSE-KMS), or no such header for {@code none}. The requests go to the test stack's
 * s3proxy, which refuses SSE with 501 (it stores plaintext on loopback, hence {@code none} locally).
 */
class S3ServerSideEncryptionTest {

    private static final String ENDPOINT = env("ARTIFACTS_S3_ENDPOINT", "http://127.0.0.1:29000");
    private static final String BUCKET = env("ARTIFACTS_S3_BUCKET", "artifacts");

    private final List<SdkHttpRequest> sent = new CopyOnWriteArrayList<>();
    private final AtomicLong bytesWritten = new AtomicLong();

    @Test
    void givenAes256_put_sendsTheSseHeader() {
        put(ServerSideEncryption.parse("AES256", Optional.empty()));

        Map<String, List<String>> headers = lastPut().headers();
        assertThat(headers).containsEntry("x-amz-server-side-encryption", List.of("AES256"));
        assertThat(headers).doesNotContainKey("x-amz-server-side-encryption-aws-kms-key-id");
    }

    @Test
    void givenKmsWithKeyId_put_sendsTheSseHeaderAndTheKey() {
        put(ServerSideEncryption.parse("aws:kms", Optional.of("arn:aws:kms:eu-west-1:111122223333:key/test")));

        Map<String, List<String>> headers = lastPut().headers();
        assertThat(headers).containsEntry("x-amz-server-side-encryption", List.of("aws:kms"));
        assertThat(headers).containsEntry("x-amz-server-side-encryption-aws-kms-key-id",
                List.of("arn:aws:kms:eu-west-1:111122223333:key/test"));
    }

    @Test
    void givenNone_put_sendsNoSseHeaderAndCountsTheBytes() {
        put(ServerSideEncryption.parse("none", Optional.empty()));

        assertThat(lastPut().headers()).doesNotContainKey("x-amz-server-side-encryption");
        assertThat(bytesWritten).hasValue(5);
    }

    @Test
    void anUnknownMode_orAKeyWithoutKms_isRefusedAtStart() {
        assertThatThrownBy(() -> ServerSideEncryption.parse("aes128", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ARTIFACTS_S3_SSE");
        assertThatThrownBy(() -> ServerSideEncryption.parse("AES256", Optional.of("key")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void put(ServerSideEncryption encryption) {
        ExecutionInterceptor capture = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(context.httpRequest());
            }
        };
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(ENDPOINT))
                .forcePathStyle(true)
                .region(Region.of(env("ARTIFACTS_S3_REGION", "us-east-1")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        env("ARTIFACTS_S3_ACCESS_KEY", "artifacts-local"),
                        env("ARTIFACTS_S3_SECRET_KEY", "artifacts-local-secret"))))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(c -> c.addExecutionInterceptor(capture))
                .build();
             S3Presigner presigner = S3Presigner.builder().endpointOverride(URI.create(ENDPOINT))
                     .region(Region.US_EAST_1).build()) {
            S3ObjectStore store = new S3ObjectStore(s3, presigner, BUCKET, encryption, bytesWritten::addAndGet);
            byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
            try {
                store.put(new ObjectKey("sse-test/" + UUID.randomUUID()), new ByteArrayInputStream(bytes), bytes.length,
                        new MediaType("text/plain"));
                System.out.printf("s3proxy accepted a PutObject with SSE %s%n", encryption.mode().wireName());
            } catch (UnavailableException refused) {
                // s3proxy answers 501 "Server-side encryption is not supported" (which is why the local stack
                // runs with none); the header was sent all the same, which is what this test checks
                System.out.printf("s3proxy refused SSE %s: %s%n", encryption.mode().wireName(),
                        refused.getCause().getMessage());
            }
        }
    }

    private SdkHttpRequest lastPut() {
        return sent.stream().filter(r -> r.method().name().equals("PUT")).reduce((a, b) -> b).orElseThrow();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
