package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.artifact.Artifact;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.StoredContent;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.List;

/** Row ↔ aggregate. Thread links are passed in separately: they live in their own table. */
final class ArtifactMapper {

    private ArtifactMapper() {
    }

    static Artifact toDomain(ArtifactEntity row, List<String> threadIds) {
        ArtifactStatus status = ArtifactStatus.fromWireName(row.status);
        StoredContent content = row.sha256 == null ? null
                : new StoredContent(row.sizeBytes, new Sha256(row.sha256), new MediaType(row.mediaType),
                        row.detectedMediaType == null ? null : new MediaType(row.detectedMediaType));
        FailureReason failure = row.failureCode == null ? null : new FailureReason(row.failureCode, row.failureMessage);
        return Artifact.restore(ArtifactId.of(row.id), SpaceId.of(row.spaceId), new ArtifactName(row.name),
                DocumentType.fromWireName("document_type", row.documentType),
                threadIds.stream().map(ThreadId::new).toList(),
                row.declaredMediaType == null ? null : new MediaType(row.declaredMediaType),
                new ArtifactMetadata(row.metadata), status, content, failure, row.createdAt, row.updatedAt,
                row.version);
    }

    static ArtifactEntity newRow(Artifact artifact) {
        ArtifactEntity row = new ArtifactEntity();
        row.id = artifact.id().value();
        row.spaceId = artifact.spaceId().value();
        row.name = artifact.name().value();
        row.documentType = artifact.documentType().wireName();
        row.declaredMediaType = artifact.declaredMediaType().map(MediaType::value).orElse(null);
        row.metadata = artifact.metadata().entries();
        row.createdAt = artifact.createdAt();
        copyState(artifact, row);
        return row;
    }

    /** Copies what transitions change; identity and creation data never change. */
    static void copyState(Artifact artifact, ArtifactEntity row) {
        row.status = artifact.status().wireName();
        row.mediaType = artifact.content().map(c -> c.mediaType().value()).orElse(null);
        row.detectedMediaType = artifact.content().map(c -> c.detectedMediaType().value()).orElse(null);
        row.sizeBytes = artifact.content().map(StoredContent::sizeBytes).orElse(null);
        row.sha256 = artifact.content().map(c -> c.sha256().hex()).orElse(null);
        row.failureCode = artifact.failure().map(FailureReason::code).orElse(null);
        row.failureMessage = artifact.failure().map(FailureReason::message).orElse(null);
        row.updatedAt = artifact.updatedAt();
    }
}
