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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/openapi.yaml} is the contract, written by hand; the API serves it as it is at {@code /q/openapi}.
 * This test keeps the two equal and keeps the document and the resources in step: every resource method is a
 * documented operation (with an operationId, a summary and the error answers every call can get), and every
 * documented operation has a resource method. That responses really look as documented is checked on every
 * call of the suite by {@link OpenApiValidation}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String served() {
        return given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void servedDocument_isTheContractInTheRepository() throws IOException {
        JsonNode contract = YAML.readTree(Files.readString(OpenApiValidation.DOCUMENT, StandardCharsets.UTF_8));
        assertThat(YAML.readTree(served())).as("/q/openapi serves docs/openapi.yaml as it is").isEqualTo(contract);
        assertThat(contract.path("openapi").asText()).isEqualTo("3.0.3");
    }

    @Test
    void resourceMethodsAndDocumentedOperations_matchOneToOne() throws IOException {
        JsonNode paths = YAML.readTree(Files.readString(OpenApiValidation.DOCUMENT, StandardCharsets.UTF_8)).path("paths");
        List<String> missing = new ArrayList<>();
        java.util.Set<String> implemented = new java.util.TreeSet<>();
        for (Class<?> resource : resources()) {
            String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verbOf(method);
                jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                if (verb == null || sub != null && sub.value().contains(":")) {
                    continue; // not a route, or a regex route of MethodNotAllowedRoutes that only keeps 405s right
                }
                String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                implemented.add(verb + " " + path);
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
                for (String status : List.of("401", "503")) {
                    if (!operation.path("responses").has(status)) {
                        missing.add(verb + " " + path + ": no " + status + " response");
                    }
                }
            }
        }
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(verb -> {
            if (!verb.equals("parameters")) {
                documented.add(verb + " " + path.getKey());
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(documented).as("documented operations without a resource method").isSubsetOf(implemented);
    }

    /** Every class of the API's code with a JAX-RS {@code @Path}: found on disk, so a new resource cannot be forgotten. */
    private static List<Class<?>> resources() throws IOException {
        java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(ApiConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> resources = new ArrayList<>();
        try (var files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
                    if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError unloadable) {
                    // not a class of this module's API
                }
            }
        }
        assertThat(resources).extracting(Class::getSimpleName).contains("ArtifactQueryResource", "EventStreamResource");
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
