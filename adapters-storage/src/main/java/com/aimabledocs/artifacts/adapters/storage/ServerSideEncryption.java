package com.aimabledocs.artifacts.adapters.storage;

import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The server-side encryption asked of the store on every write: none (the local s3proxy), SSE-S3
 * ({@code AES256}) or SSE-KMS ({@code aws:kms}, with the store's default key or a given key ID).
 */
public record ServerSideEncryption(Mode mode, Optional<String> kmsKeyId) {

    public static final ServerSideEncryption NONE = new ServerSideEncryption(Mode.NONE, Optional.empty());

    public enum Mode {
        NONE("none"), AES256("AES256"), KMS("aws:kms");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public ServerSideEncryption {
        kmsKeyId = kmsKeyId.filter(id -> !id.isBlank());
        if (mode != Mode.KMS && kmsKeyId.isPresent()) {
            throw new IllegalArgumentException("a KMS key ID needs ARTIFACTS_S3_SSE=aws:kms");
        }
    }

    /** {@code none}, {@code AES256} or {@code aws:kms} (case-insensitive), as in ARTIFACTS_S3_SSE. */
    public static ServerSideEncryption parse(String mode, Optional<String> kmsKeyId) {
        String normalized = mode == null ? "none" : mode.trim().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "", "none" -> new ServerSideEncryption(Mode.NONE, kmsKeyId);
            case "aes256" -> new ServerSideEncryption(Mode.AES256, kmsKeyId);
            case "aws:kms", "kms" -> new ServerSideEncryption(Mode.KMS, kmsKeyId);
            default -> throw new IllegalArgumentException(
                    "ARTIFACTS_S3_SSE must be none, AES256 or aws:kms, not '" + mode + "'");
        };
    }

    PutObjectRequest.Builder applyTo(PutObjectRequest.Builder request) {
        return switch (mode) {
            case NONE -> request;
            case AES256 -> request.serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AES256);
            case KMS -> {
                request.serverSideEncryption(software.amazon.awssdk.services.s3.model.ServerSideEncryption.AWS_KMS);
                kmsKeyId.ifPresent(request::ssekmsKeyId);
                yield request;
            }
        };
    }
}
