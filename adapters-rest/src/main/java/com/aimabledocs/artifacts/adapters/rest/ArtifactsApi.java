package com.aimabledocs.artifacts.adapters.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API as one JAX-RS application, and the head of its OpenAPI document (served at {@code /q/openapi},
 * kept in the repository as {@code docs/openapi.yaml}). What every operation shares is added by
 * {@link OpenApiContract}.
 */
@OpenAPIDefinition(
        info = @Info(title = "AimableDocs Artifacts API", version = "1.0.0",
                description = """
                        Documents and files (artifacts) in spaces, linked to conversation threads, generated \
                        asynchronously by jobs. Every `/v1` call is authenticated by `X-API-Key`; errors are \
                        RFC 9457 `application/problem+json` with a stable `code`; every response carries \
                        `X-Request-Id`. See the repository README for idempotency, pagination and limits.""",
                contact = @Contact(name = "AimableDocs platform team", url = "https://aimabledocs.example/artifacts"),
                license = @License(name = "Proprietary", url = "https://aimabledocs.example/license")),
        servers = @Server(url = "/", description = "This service (./run: http://127.0.0.1:8080)"),
        tags = {
                @Tag(name = "artifacts", description = "List, read, download, generate and delete artifacts."),
                @Tag(name = "jobs", description = "The processing jobs behind an artifact."),
                @Tag(name = "spaces", description = "Administration: spaces (admin credential)."),
                @Tag(name = "api-keys", description = "Administration: API keys of a space (admin credential).")
        })
public class ArtifactsApi extends Application {
}
