package com.aimabledocs.artifacts.adapters.storage;

import io.smallrye.config.ConfigMapping;

/** Where artifact bytes live. The S3 endpoint and credentials are configured under {@code quarkus.s3}. */
@ConfigMapping(prefix = "artifacts.storage")
public interface StorageConfig {

    /** The bucket holding staged and final artifact content. */
    String bucket();
}
