package com.aimabledocs.artifacts.adapters.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Wires the framework-free {@link S3ObjectStore} to the Quarkus-managed S3 client and presigner; both are
 * configured from the same {@code quarkus.s3.*} settings (endpoint override, path style, region, credentials).
 */
@ApplicationScoped
public class S3ObjectStoreProducer {

    @Produces
    @ApplicationScoped
    S3ObjectStore objectStore(S3Client s3, S3Presigner presigner, StorageConfig config, MeterRegistry registry) {
        Counter written = Counter.builder("artifacts.storage.bytes.written")
                .description("Bytes this process wrote to the object store (staged and final content)")
                .register(registry);
        return new S3ObjectStore(s3, presigner, config.bucket(),
                ServerSideEncryption.parse(config.sse(), config.sseKmsKeyId()), written::increment);
    }
}
