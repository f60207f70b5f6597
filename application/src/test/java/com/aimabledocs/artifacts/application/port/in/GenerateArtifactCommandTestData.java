package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AccessTestData;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.ArtifactTestData;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Test data builder for {@link GenerateArtifactCommand}: "hello world" as a text document in the default
 * space, sent by a key that may read and write it, with no declared digest and no Idempotency-Key.
 */
public final class GenerateArtifactCommandTestData {

    public static final byte[] DEFAULT_CONTENT = "hello world".getBytes(StandardCharsets.US_ASCII);

    private GenerateArtifactCommandTestData() {
    }

    public static Builder aGenerateCommand() {
        return new Builder();
    }

    public static Sha256 sha256Of(byte[] bytes) {
        try {
            return Sha256.ofDigest(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final class Builder {

        private Principal principal = AccessTestData.aPrincipal().build();
        private SpaceId spaceId = ArtifactTestData.DEFAULT_SPACE;
        private ArtifactName name = new ArtifactName("notes.txt");
        private DocumentType documentType = DocumentType.TEXT;
        private List<ThreadId> threadIds = List.of(ArtifactTestData.DEFAULT_THREAD);
        private MediaType mediaType;
        private ArtifactMetadata metadata = ArtifactMetadata.EMPTY;
        private Sha256 contentSha256;
        private boolean correctSha256;
        private byte[] content = DEFAULT_CONTENT;
        private Long contentLength;
        private String idempotencyKey;

        private Builder() {
        }

        public Builder by(Principal principal) {
            this.principal = principal;
            return this;
        }

        public Builder inSpace(SpaceId spaceId) {
            this.spaceId = spaceId;
            return this;
        }

        public Builder named(String name) {
            this.name = new ArtifactName(name);
            return this;
        }

        public Builder ofType(DocumentType documentType) {
            this.documentType = documentType;
            return this;
        }

        public Builder inThreads(String... threadIds) {
            this.threadIds = Arrays.stream(threadIds).map(ThreadId::new).toList();
            return this;
        }

        public Builder inThreads(List<ThreadId> threadIds) {
            this.threadIds = threadIds;
            return this;
        }

        public Builder withMediaType(String mediaType) {
            this.mediaType = MediaType.parse(mediaType);
            return this;
        }

        public Builder withMetadata(ArtifactMetadata metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder withContent(byte[] content) {
            this.content = content;
            return this;
        }

        public Builder withContent(String content) {
            return withContent(content.getBytes(StandardCharsets.UTF_8));
        }

        /** The declared length; defaults to the real one. */
        public Builder withDeclaredLength(long contentLength) {
            this.contentLength = contentLength;
            return this;
        }

        public Builder withContentSha256(Sha256 contentSha256) {
            this.contentSha256 = contentSha256;
            this.correctSha256 = false;
            return this;
        }

        /** Declares the true digest of the content, whatever content is set. */
        public Builder withCorrectContentSha256() {
            this.correctSha256 = true;
            return this;
        }

        /** An Idempotency-Key, sent with the true SHA-256 of the content, whatever content is set. */
        public Builder withIdempotency(String key) {
            this.idempotencyKey = key;
            return this;
        }

        public GenerateArtifactCommand build() {
            return new GenerateArtifactCommand(principal, spaceId, name, documentType, threadIds,
                    Optional.ofNullable(mediaType), metadata,
                    Optional.ofNullable(correctSha256 ? sha256Of(content) : contentSha256),
                    new ByteArrayInputStream(content), contentLength == null ? content.length : contentLength,
                    Optional.ofNullable(idempotencyKey)
                            .map(key -> new GenerateArtifactCommand.Idempotency(key, sha256Of(content))));
        }
    }
}
