package com.aimabledocs.artifacts.clients;

import com.aimabledocs.artifacts.client.ApiClient;
import com.aimabledocs.artifacts.client.ApiException;
import com.aimabledocs.artifacts.client.ApiResponse;
import com.aimabledocs.artifacts.client.api.ArtifactsApi;
import com.aimabledocs.artifacts.client.api.ArtifactsApi.APIGenerateArtifactRequest;
import com.aimabledocs.artifacts.client.model.DocumentType;
import com.aimabledocs.artifacts.client.model.GenerateRequest;
import com.aimabledocs.artifacts.client.model.GenerationAccepted;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * WORKAROUND (multipart): generateArtifact takes application/json or multipart/form-data, and the generator makes
 * one method per operation with the first request body only (GenerateRequest as JSON); the GenerateForm model is
 * generated but no method sends it. So the form goes through the same generated generateArtifact method on a second
 * ApiClient whose interceptor replaces the JSON body by the multipart one (the JDK has no multipart encoder:
 * {@link MultipartForm} writes the parts). Path, parameters, response parsing (GenerationAccepted) and errors
 * (ApiException) stay the generated client's.
 */
final class FormUpload {

    private final UUID spaceId;
    private final AtomicReference<MultipartForm> pending = new AtomicReference<>();
    private final ArtifactsApi artifacts;

    FormUpload(String baseUrl, String apiKey, UUID spaceId) {
        this.spaceId = spaceId;
        ApiClient client = apiClient(baseUrl, apiKey);
        client.setRequestInterceptor(request -> {
            request.setHeader("X-API-Key", apiKey);
            MultipartForm form = pending.get();
            if (form != null) {
                request.setHeader("Content-Type", form.contentType());
                request.method("POST", HttpRequest.BodyPublishers.ofByteArray(form.body()));
            }
        });
        this.artifacts = new ArtifactsApi(client);
    }

    /**
     * The generated client, configured for the workflow. The native library does not implement security schemes:
     * the X-API-Key goes in through the request interceptor, its documented hook for headers every call needs.
     */
    static ApiClient apiClient(String baseUrl, String apiKey) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUrl);
        client.setConnectTimeout(Duration.ofSeconds(5));
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.setHeader("X-API-Key", apiKey));
        return client;
    }

    /** generateArtifact with {@code form} as the body. */
    ApiResponse<GenerationAccepted> generate(MultipartForm form, String idempotencyKey) throws ApiException {
        // The generated method insists on its (JSON) body parameter; the interceptor replaces it by the form.
        GenerateRequest replacedByTheForm = new GenerateRequest().name("-").type(DocumentType.OTHER).content(new byte[0]);
        pending.set(form);
        try {
            return artifacts.generateArtifactWithHttpInfo(APIGenerateArtifactRequest.newBuilder()
                    .spaceId(spaceId).generateRequest(replacedByTheForm).idempotencyKey(idempotencyKey).build());
        } finally {
            pending.set(null);
        }
    }
}
