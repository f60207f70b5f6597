package com.aimabledocs.artifacts.adapters.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the framework-free {@link S3ObjectStore} to the Quarkus-managed S3 client. */
@ApplicationScoped
public class S3ObjectStoreProducer {

    @Produces
    @ApplicationScoped
    S3ObjectStore objectStore(S3Client s3, StorageConfig config) {
        return new S3ObjectStore(s3, config.bucket());
    }
}
