package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.ADMIN_KEY;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.admin;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.createSpace;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.spacePath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.anonymous;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.errorFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /v1/spaces and GET /v1/spaces/{id}: who may call them, what they answer, how they fail. */
@QuarkusTest
class SpaceAdminApiTest {

    @Inject
    TestFixtures fixtures;

    @Test
    void givenAdmin_createSpace_returns201WithLocationAndTheSpace() {
        Response response = admin().contentType("application/json").body("{\"name\": \"Équipe docs\"}")
                .post("/v1/spaces");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonPath json = response.jsonPath();
        String id = json.getString("id");
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
        assertThat(json.getString("name")).isEqualTo("Équipe docs");
        assertThat(Instant.parse(json.getString("created_at"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(json.getString("created_at")).endsWith("Z");
        assertThat(response.header("Location")).endsWith("/v1/spaces/" + id);
        JsonPath read = admin().get(spacePath(id)).then().statusCode(200).extract().jsonPath();
        assertThat(read.getString("id")).isEqualTo(id);
        assertThat(read.getString("name")).isEqualTo("Équipe docs");
        assertThat(read.getString("created_at")).isEqualTo(json.getString("created_at"));
    }

    @Test
    void givenMediaTypePolicy_createSpace_keepsIt_andRefusesAnUnknownOne() {
        JsonPath strict = admin().contentType("application/json")
                .body("{\"name\": \"strict\", \"media_type_policy\": \"reject_mismatch\"}")
                .post("/v1/spaces").then().statusCode(201).extract().jsonPath();
        assertThat(strict.getString("media_type_policy")).isEqualTo("reject_mismatch");
        assertThat(admin().get(spacePath(strict.getString("id"))).then().statusCode(200).extract().jsonPath()
                .getString("media_type_policy")).isEqualTo("reject_mismatch");
        assertThat(admin().contentType("application/json").body("{\"name\": \"default\"}").post("/v1/spaces")
                .then().statusCode(201).extract().jsonPath().getString("media_type_policy")).isEqualTo("trust_declared");

        JsonPath problem = assertProblem(admin().contentType("application/json")
                .body("{\"name\": \"x\", \"media_type_policy\": \"sniff\"}").post("/v1/spaces"), 400, "validation_failed");
        assertThat(errorFields(problem)).containsExactly("media_type_policy");
    }

    @Test
    void givenNewSpace_itsArtifacts_areEmptyForAKeyOfIt() {
        String space = createSpace("empty");
        String key = AdminApiTestSupport.issueKey(space, null, "artifacts:read").getString("secret");
        assertThat(as(key).get(artifactsPath(space)).then().statusCode(200).extract().<java.util.List<?>>path("data"))
                .isEmpty();
    }

    @Test
    void givenMissingBlankOrWrongTypeName_createSpace_returns400WithTheField() {
        for (String body : new String[] {"{}", "{\"name\": null}", "{\"name\": \"   \"}", "{\"name\": 42}",
                "{\"name\": \"" + "n".repeat(201) + "\"}"}) {
            JsonPath problem = assertProblem(admin().contentType("application/json").body(body).post("/v1/spaces"), 400,
                    "validation_failed");
            assertThat(errorFields(problem)).as(body).containsExactly("name");
        }
    }

    @Test
    void givenBodyThatIsNotAJsonObject_createSpace_returns400InvalidJson() {
        for (String body : new String[] {"{", "[]", "\"name\"", "", "{\"name\":\"a\",\"name\":\"b\"}"}) {
            assertProblem(admin().contentType("application/json").body(body).post("/v1/spaces"), 400, "invalid_json");
        }
    }

    @Test
    void givenNoOrWrongCredential_createSpace_returns401WithWwwAuthenticate() {
        for (Response response : new Response[] {
                anonymous().contentType("application/json").body("{\"name\": \"x\"}").post("/v1/spaces"),
                as(ADMIN_KEY + "x").contentType("application/json").body("{\"name\": \"x\"}").post("/v1/spaces"),
                as("adm_wrong_0123456789abcdef").contentType("application/json").body("{\"name\": \"x\"}").post("/v1/spaces"),
                as("short").get(spacePath(UUID.randomUUID().toString()))}) {
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).contains("X-API-Key");
        }
    }

    @Test
    void givenApiKey_createSpace_returns403() {
        String key = fixtures.newSpace(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE).apiKey();
        assertProblem(as(key).contentType("application/json").body("{\"name\": \"x\"}").post("/v1/spaces"), 403,
                "forbidden");
    }

    @Test
    void givenKeyOfThatSpaceWithAnyScope_getSpace_returnsIt() {
        var space = fixtures.newSpace(Scope.ARTIFACTS_WRITE);
        assertThat(as(space.apiKey()).get(spacePath(space.spaceId())).then().statusCode(200).extract()
                .<String>path("id")).isEqualTo(space.spaceId());
        String readOnly = fixtures.newKey(space.spaceId(), Scope.ARTIFACTS_READ);
        as(readOnly).get(spacePath(space.spaceId())).then().statusCode(200);
    }

    @Test
    void givenKeyOfAnotherSpace_getSpace_returns404LikeAnUnknownSpace() {
        String space = createSpace("someone else's");
        String otherKey = fixtures.newSpace(Scope.ARTIFACTS_READ).apiKey();
        assertProblem(as(otherKey).get(spacePath(space)), 404, "not_found");
        assertProblem(as(otherKey).get(spacePath(UUID.randomUUID().toString())), 404, "not_found");
    }

    @Test
    void givenUnknownOrMalformedSpaceId_getSpace_returns404Or400() {
        assertProblem(admin().get(spacePath(UUID.randomUUID().toString())), 404, "not_found");
        assertProblem(admin().get(spacePath("not-a-uuid")), 400, "invalid_space_id");
    }

    @Test
    void givenAdminCredential_artifactRoutes_stayClosed() {
        String space = createSpace("admin cannot read artifacts");
        Response response = admin().get(artifactsPath(space));
        assertProblem(response, 401, "unauthenticated");
    }

    @Test
    void givenUnsupportedMethod_adminRoutes_return405AndUnknownPaths404() {
        String space = createSpace("methods");
        assertProblem(admin().delete(spacePath(space)), 405, "method_not_allowed");
        assertProblem(admin().get("/v1/spaces"), 405, "method_not_allowed");
        assertProblem(admin().contentType("application/json").body("{}").put(spacePath(space) + "/api-keys"), 405,
                "method_not_allowed");
        assertProblem(admin().get(spacePath(space) + "/api-keys/" + UUID.randomUUID() + "/more"), 404, "not_found");
        // As before the admin routes existed: routing (405) comes before authentication on the artifact routes.
        assertProblem(anonymous().contentType("application/json").body("{}").put(artifactsPath(space)), 405,
                "method_not_allowed");
    }
}
