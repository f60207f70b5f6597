package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Test data builder for {@link Artifact}: {@code anArtifact().withStatus(READY).build()}. Every field has
 * a sensible default, and the defaults follow the status so that the built artifact always satisfies the
 * aggregate's invariants (a ready artifact has content, a failed one a failure reason). Built with
 * {@link Artifact#restore}, so any state can be had without walking the state machine.
 */
public final class ArtifactTestData {

    public static final SpaceId DEFAULT_SPACE = SpaceId.parse("0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f");
    public static final Instant DEFAULT_CREATED_AT = Instant.parse("2025-01-15T10:00:00Z");
    public static final ArtifactName DEFAULT_NAME = new ArtifactName("Quarterly report.pdf");
    public static final ThreadId DEFAULT_THREAD = new ThreadId("thread-1");
    /** What "hello world" (11 bytes, text/plain) stores as. */
    public static final StoredContent DEFAULT_CONTENT = new StoredContent(11,
            new Sha256("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"), new MediaType("text/plain"));
    public static final FailureReason DEFAULT_FAILURE =
            new FailureReason("staged_content_missing", "the content staged for this job is gone");

    private ArtifactTestData() {
    }

    public static Builder anArtifact() {
        return new Builder();
    }

    public static final class Builder {

        private ArtifactId id = ArtifactId.of(TestIds.next());
        private SpaceId spaceId = DEFAULT_SPACE;
        private ArtifactName name = DEFAULT_NAME;
        private DocumentType documentType = DocumentType.DOCUMENT;
        private List<ThreadId> threadIds = List.of(DEFAULT_THREAD);
        private MediaType declaredMediaType;
        private ArtifactMetadata metadata = ArtifactMetadata.EMPTY;
        private ArtifactStatus status = ArtifactStatus.PENDING;
        private StoredContent content;
        private boolean contentSet;
        private FailureReason failure;
        private boolean failureSet;
        private Instant createdAt = DEFAULT_CREATED_AT;
        private Instant updatedAt;
        private long version;

        private Builder() {
        }

        public Builder withId(ArtifactId id) {
            this.id = id;
            return this;
        }

        public Builder inSpace(SpaceId spaceId) {
            this.spaceId = spaceId;
            return this;
        }

        public Builder withName(String name) {
            this.name = new ArtifactName(name);
            return this;
        }

        public Builder withDocumentType(DocumentType documentType) {
            this.documentType = documentType;
            return this;
        }

        public Builder withThreads(String... threadIds) {
            this.threadIds = Arrays.stream(threadIds).map(ThreadId::new).toList();
            return this;
        }

        public Builder withThreadIds(List<ThreadId> threadIds) {
            this.threadIds = threadIds;
            return this;
        }

        public Builder withDeclaredMediaType(String mediaType) {
            this.declaredMediaType = mediaType == null ? null : MediaType.parse(mediaType);
            return this;
        }

        public Builder withMetadata(ArtifactMetadata metadata) {
            this.metadata = metadata;
            return this;
        }

        /** The status; content and failure follow it unless set explicitly. */
        public Builder withStatus(ArtifactStatus status) {
            this.status = status;
            return this;
        }

        /** Explicit content, even {@code null} for a ready artifact (to test the invariant). */
        public Builder withContent(StoredContent content) {
            this.content = content;
            this.contentSet = true;
            return this;
        }

        /** Explicit failure reason, even {@code null} for a failed artifact (to test the invariant). */
        public Builder withFailure(FailureReason failure) {
            this.failure = failure;
            this.failureSet = true;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** Defaults to {@code createdAt}. */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder withVersion(long version) {
            this.version = version;
            return this;
        }

        public Artifact build() {
            StoredContent builtContent = contentSet ? content : status == ArtifactStatus.READY ? DEFAULT_CONTENT : null;
            FailureReason builtFailure = failureSet ? failure : status == ArtifactStatus.FAILED ? DEFAULT_FAILURE : null;
            return Artifact.restore(id, spaceId, name, documentType, threadIds, declaredMediaType, metadata, status,
                    builtContent, builtFailure, createdAt, updatedAt == null ? createdAt : updatedAt, version);
        }
    }
}
