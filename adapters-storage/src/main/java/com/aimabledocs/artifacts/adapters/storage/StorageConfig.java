package com.aimabledocs.artifacts.adapters.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where artifact bytes live. The S3 endpoint and credentials are configured under {@code quarkus.s3}. */
@ConfigMapping(prefix = "artifacts.storage")
public interface StorageConfig {

    /** The bucket holding staged and final artifact content. */
    String bucket();

    /** Server-side encryption sent on every write: {@code none}, {@code AES256} or {@code aws:kms}. */
    @WithDefault("none")
    String sse();

    /** The KMS key for {@code aws:kms}; the bucket's default key when absent. */
    Optional<String> sseKmsKeyId();
}
