package com.aimabledocs.artifacts.adapters.storage;

import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * {@link ObjectStore} on any S3-compatible server. Uploads stream with a known length and downloads are
 * handed out as open streams, so memory use does not grow with object size.
 */
public class S3ObjectStore implements ObjectStore {

    /** Bodies up to this size are held in memory while they are sent, so that a retried PUT can resend them. */
    static final long REPEATABLE_PUT_BYTES = 1024 * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final ServerSideEncryption encryption;
    private final LongConsumer bytesWritten;

    /** {@code presigner} must sign for the endpoint and credentials {@code s3} talks to. */
    public S3ObjectStore(S3Client s3, S3Presigner presigner, String bucket) {
        this(s3, presigner, bucket, ServerSideEncryption.NONE, bytes -> { });
    }

    /**
     * @param encryption   sent on every write (this store writes only with PutObject: no copy, no multipart)
     * @param bytesWritten told the length of every object written, once the store acknowledged it
     */
    public S3ObjectStore(S3Client s3, S3Presigner presigner, String bucket, ServerSideEncryption encryption,
                         LongConsumer bytesWritten) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.encryption = encryption;
        this.bytesWritten = bytesWritten;
    }

    @Override
    public void put(ObjectKey key, InputStream content, long length, MediaType contentType) {
        byte[] small = length <= REPEATABLE_PUT_BYTES ? readUpTo(content, (int) length) : null;
        RequestBody body = small != null ? RequestBody.fromBytes(small) : RequestBody.fromInputStream(content, length);
        long sent = small != null ? small.length : length; // a short source is the caller's to notice (it counts)
        try {
            call(() -> s3.putObject(b -> encryption.applyTo(b.bucket(bucket).key(key.value()).contentLength(sent)
                            .contentType(contentType.value())), body));
        } catch (IllegalStateException notRepeatable) {
            // The SDK retried a failed PUT and could not rewind the one-shot stream: the store failed
            // transiently, and the caller (who holds the source) decides whether to try again.
            throw new UnavailableException("storage", notRepeatable);
        }
        bytesWritten.accept(sent);
    }

    /**
     * Reads a small body whole, so that the SDK can send it again when it retries the PUT (a stale pooled
     * connection, a timeout); larger bodies stream once, and a retry of theirs fails as unavailable.
     */
    private static byte[] readUpTo(InputStream content, int length) {
        try {
            return content.readNBytes(length);
        } catch (IOException e) {
            throw new UnavailableException("storage", e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) {
        return call(() -> {
            try {
                return Optional.of(new ObjectInfo(s3.headObject(b -> b.bucket(bucket).key(key.value())).contentLength()));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<ObjectContent> open(ObjectKey key) {
        return call(() -> {
            try {
                ResponseInputStream<GetObjectResponse> stream = s3.getObject(b -> b.bucket(bucket).key(key.value()));
                return Optional.of(new S3ObjectContent(stream));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    /** A ranged GET: only the range's bytes travel, the rest of the object stays in the store. */
    @Override
    public Optional<ObjectContent> open(ObjectKey key, ByteRange range) {
        return call(() -> {
            try {
                ResponseInputStream<GetObjectResponse> stream = s3.getObject(b -> b.bucket(bucket).key(key.value())
                        .range("bytes=" + range.first() + "-" + range.last()));
                return Optional.of(new S3ObjectContent(stream));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            }
        });
    }

    /** Signs locally (no request to the store): the URL carries the signature, expiry and header overrides. */
    @Override
    public URI presignGet(ObjectKey key, Duration validFor, ResponseOverrides overrides) {
        var presigned = presigner.presignGetObject(p -> p.signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key.value())
                        .responseContentType(overrides.contentType())
                        .responseContentDisposition(overrides.contentDisposition())));
        try {
            return presigned.url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the presigner made an invalid URL", e);
        }
    }

    @Override
    public void delete(ObjectKey key) {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key.value())));
    }

    /** Lists nothing and writes nothing: answers whether the bucket is reachable, for readiness. */
    public void checkReachable() {
        call(() -> s3.headBucket(b -> b.bucket(bucket)));
    }

    /**
     * Translates transport failures and server errors (5xx, throttling) into {@link UnavailableException};
     * client errors stay as they are, since retrying them cannot help.
     */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkClientException e) {
            throw new UnavailableException("storage", e);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500 || e.statusCode() == 429 || e.isThrottlingException()) {
                throw new UnavailableException("storage", e);
            }
            throw e;
        } catch (UncheckedIOException e) {
            throw new UnavailableException("storage", e);
        }
    }

    private record S3ObjectContent(ResponseInputStream<GetObjectResponse> stream) implements ObjectContent {

        @Override
        public long length() {
            return stream.response().contentLength();
        }

        /** Closing aborts the HTTP exchange instead of draining the rest of a large object. */
        @Override
        public void close() {
            try {
                stream.abort();
                stream.close();
            } catch (IOException ignored) {
                // the connection is released either way
            }
        }
    }
}
