package com.aimabledocs.artifacts.adapters.rest.generate;

import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * A generate request that passed every check, whatever its encoding; owns the file holding its content until
 * {@link #close()}.
 *
 * @param contentSha256 the SHA-256 of the content when it was hashed on the way in (JSON), else null
 */
record ParsedGenerateRequest(ArtifactName name, DocumentType type, List<ThreadId> threadIds,
                             Optional<MediaType> mediaType, ArtifactMetadata metadata, Optional<Sha256> declaredSha256,
                             Path content, long contentLength, Sha256 contentSha256) implements AutoCloseable {

    InputStream openContent() {
        try {
            return Files.newInputStream(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The SHA-256 of the content: known already when it was hashed on the way in (JSON), else read from the
     * file only now, when the use case needs it for the request's fingerprint (a multipart upload with an
     * Idempotency-Key).
     */
    @Override
    public Sha256 contentSha256() {
        if (contentSha256 != null) {
            return contentSha256;
        }
        MessageDigest sha256 = sha256();
        try (InputStream in = Files.newInputStream(content)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.ofDigest(sha256.digest());
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(content);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; the OS temp cleaner takes it
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
