package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.Content;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.ContentReference;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.ExternalGenerationRequest;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase.InlineContent;
import com.aimabledocs.artifacts.domain.artifact.ArtifactMetadata;
import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.artifact.Sha256;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generation request produced straight to the requests topic by another service (schema version 1,
 * see docs/asyncapi.yaml). It carries the producer's {@code request_id} instead of a job ID, and its
 * content inline ({@code content_base64}) or by reference ({@code content_ref.object_key}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExternalGenerationRequestMessage(int schemaVersion, String requestId, String spaceId, String name,
                                               String type, List<String> threadIds, String mediaType,
                                               Map<String, String> metadata, String contentBase64,
                                               ContentRef contentRef, String contentSha256, Instant requestedAt) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ContentRef(String objectKey) {
    }

    /** @throws InvalidValueException naming the first field that breaks the contract */
    public ExternalGenerationRequest toDomain() {
        if (schemaVersion != 1) {
            throw new InvalidValueException("schema_version", "unsupported schema_version " + schemaVersion);
        }
        if ((contentBase64 == null) == (contentRef == null)) {
            throw new InvalidValueException("content", "give exactly one of content_base64 and content_ref");
        }
        required("space_id", spaceId);
        required("name", name);
        required("type", type);
        return new ExternalGenerationRequest(requestId, SpaceId.parse(spaceId), new ArtifactName(name),
                DocumentType.fromWireName("type", type),
                threadIds == null ? List.of() : threadIds.stream().map(ThreadId::new).toList(),
                Optional.ofNullable(mediaType).map(MediaType::parse), new ArtifactMetadata(metadata),
                Optional.ofNullable(contentSha256).map(s -> Sha256.parse("content_sha256", s)), content(),
                requestedAt);
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw new InvalidValueException(field, "a required field is missing: " + field);
        }
    }

    private Content content() {
        if (contentRef != null) {
            required("content_ref.object_key", contentRef.objectKey());
            return new ContentReference(ObjectKey.incoming(contentRef.objectKey()));
        }
        try {
            return new InlineContent(Base64.getDecoder().decode(contentBase64));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("content_base64", "content_base64 is not valid standard base64");
        }
    }
}
