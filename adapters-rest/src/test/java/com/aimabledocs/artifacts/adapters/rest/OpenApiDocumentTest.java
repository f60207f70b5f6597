package com.aimabledocs.artifacts.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document served at {@code /q/openapi} and its copy {@code docs/openapi.yaml} must not drift:
 * this test fails when they differ. To update the copy after an API change, run
 * {@code ./mvnw verify -pl adapters-rest -am -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true}
 * (with the test stack's environment) and commit the result; {@code ./test} lints it with Redocly.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COPY = Path.of("..", "docs", "openapi.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String served() {
        return given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void servedDocument_matchesTheCopyInTheRepository() throws IOException {
        String served = served();
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COPY, served, StandardCharsets.UTF_8);
        }
        assertThat(COPY).as("docs/openapi.yaml exists (write it with -Dopenapi.write=true)").exists();
        JsonNode copy = YAML.readTree(Files.readString(COPY, StandardCharsets.UTF_8));
        assertThat(YAML.readTree(served))
                .as("docs/openapi.yaml differs from the served document; regenerate it with -Dopenapi.write=true")
                .isEqualTo(copy);
    }

    /** Every resource method is in the document, with a summary, an operationId and its error responses. */
    @Test
    void everyResourceMethod_isDocumentedWithErrors() throws IOException {
        JsonNode paths = YAML.readTree(served()).path("paths");
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : resources()) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verbOf(method);
                org.eclipse.microprofile.openapi.annotations.Operation documented =
                        method.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                if (verb == null || documented != null && documented.hidden()) {
                    continue;
                }
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                JsonNode operation = paths.path(path).path(verb);
                if (operation.isMissingNode()) {
                    missing.add(verb + " " + path + ": not in the document");
                    continue;
                }
                for (String field : List.of("summary", "operationId")) {
                    if (!operation.hasNonNull(field)) {
                        missing.add(verb + " " + path + ": no " + field);
                    }
                }
                for (String status : List.of("401", "429", "503")) {
                    if (!operation.path("responses").has(status)) {
                        missing.add(verb + " " + path + ": no " + status + " response");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Class<?>> resources() {
        List<Class<?>> resources = new ArrayList<>();
        for (String name : List.of("ArtifactResource", "SpaceResource", "ApiKeyResource")) {
            try {
                resources.add(Class.forName(OpenApiDocumentTest.class.getPackageName() + "." + name));
            } catch (ClassNotFoundException absent) {
                // not every resource exists in every version of the API
            }
        }
        assertThat(resources).isNotEmpty();
        return resources;
    }

    private static String verbOf(Method method) {
        for (Class<? extends java.lang.annotation.Annotation> verb : List.of(jakarta.ws.rs.GET.class,
                jakarta.ws.rs.POST.class, jakarta.ws.rs.DELETE.class, jakarta.ws.rs.HEAD.class,
                jakarta.ws.rs.PUT.class, jakarta.ws.rs.PATCH.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }
}
