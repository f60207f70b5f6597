package com.aimabledocs.artifacts.adapters.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request bodies as the OpenAPI document shows them. The resources read these bodies as streams (so a large
 * upload never sits in memory), so the shapes are written down here, for the document only.
 */
final class ApiDocs {

    private ApiDocs() {
    }

    @Schema(name = "GenerateRequest", description = "A generation request with the content in standard base64.")
    record GenerateRequest(
            @Schema(required = true, maxLength = 255, example = "Quarterly report.pdf") String name,
            @Schema(required = true, description = "Stored as `document_type`.", enumeration = {"document",
                    "spreadsheet", "presentation", "image", "audio", "video", "archive", "code", "data", "text",
                    "other"}, example = "document") String type,
            @Schema(required = true, format = "byte", description = "The bytes, standard base64.",
                    example = "SGVsbG8sIHdvcmxk") String content,
            @Schema(description = "One thread to link the artifact to.", example = "thread-42") String threadId,
            @Schema(description = "Threads to link the artifact to (at most 32).", example = "[\"thread-42\"]")
            List<String> threadIds,
            @Schema(description = "The declared media type; detected from the bytes when absent.",
                    example = "application/pdf") String mediaType,
            @Schema(description = "Up to 32 string entries.", example = "{\"source\": \"chat\"}")
            Map<String, String> metadata,
            @Schema(description = "Lower-case hex SHA-256 of the decoded bytes; a mismatch is 422.",
                    pattern = "^[0-9a-f]{64}$") String contentSha256) {
    }

    @Schema(name = "GenerateForm", description = "The same request as multipart/form-data, the file as it is.")
    record GenerateForm(
            @Schema(required = true, type = SchemaType.STRING, format = "binary") String file,
            @Schema(required = true, maxLength = 255) String name,
            @Schema(required = true, example = "document") String type,
            String threadId,
            @Schema(description = "Repeat the field for several threads.") List<String> threadIds,
            @Schema(description = "Else the file part's Content-Type, unless application/octet-stream.") String mediaType,
            @Schema(description = "A JSON object of strings, as text.", example = "{\"source\": \"cli\"}") String metadata,
            @Schema(pattern = "^[0-9a-f]{64}$") String contentSha256) {
    }

    @Schema(name = "NewSpace")
    record NewSpace(
            @Schema(required = true, maxLength = 200, example = "Marketing") String name,
            @Schema(enumeration = {"trust_declared", "reject_mismatch"}, defaultValue = "trust_declared",
                    description = "What happens when a declared media type contradicts the bytes.")
            String mediaTypePolicy) {
    }

    @Schema(name = "NewApiKey")
    record NewApiKey(
            @Schema(maxLength = 100, example = "reporting (read-only)") String name,
            @Schema(required = true, description = "Non-empty; each `artifacts:read` or `artifacts:write`.",
                    example = "[\"artifacts:read\"]") List<String> scopes) {
    }
}
