package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.admin;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.createSpace;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.issueKey;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.keysPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.anonymous;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.errorFields;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issuing, listing, reading and revoking a space's API keys, and who may do it. */
@QuarkusTest
class ApiKeyAdminApiTest {

    @Inject
    TestFixtures fixtures;

    @Inject
    AdminFixtures adminFixtures;

    private String space;

    @BeforeEach
    void aFreshSpace() {
        space = createSpace("keys " + UUID.randomUUID());
    }

    @Test
    void givenAdmin_issueKey_returns201WithTheSecretOnceAndNoStore() {
        Response response = admin().contentType("application/json")
                .body("{\"name\": \"CI uploader\", \"scopes\": [\"artifacts:write\", \"artifacts:read\", \"artifacts:read\"]}")
                .post(keysPath(space));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonPath key = response.jsonPath();
        String id = key.getString("id");
        String secret = key.getString("secret");
        assertThat(response.header("Location")).endsWith(keysPath(space) + "/" + id);
        assertThat(key.getString("name")).isEqualTo("CI uploader");
        assertThat(key.getList("scopes")).containsExactly("artifacts:read", "artifacts:write");
        assertThat(Instant.parse(key.getString("created_at"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(secret).startsWith("ak_live_").hasSize(51);
        assertThat(Base64.getUrlDecoder().decode(secret.substring(8))).hasSize(32);
        assertThat(key.getString("prefix")).isEqualTo(secret.substring(0, 12));
        assertThat(key.getString("secret_hash")).isNull();

        // The secret works at once, for its space.
        as(secret).get(artifactsPath(space)).then().statusCode(200);
        // Reading the key again never shows the secret.
        String again = admin().get(response.header("Location")).then().statusCode(200).extract().asString();
        assertThat(again).doesNotContain(secret).doesNotContain(sha256Hex(secret.getBytes(StandardCharsets.US_ASCII)))
                .contains(id).contains("\"revoked_at\":null");
    }

    @Test
    void givenIssuedKey_theDatabaseRow_holdsOnlyItsHash() {
        JsonPath issued = issueKey(space, "db check", "artifacts:read");
        String secret = issued.getString("secret");

        Map<String, String> row = adminFixtures.apiKeyRow(issued.getString("id"));

        assertThat(row.get("secret_hash")).isEqualTo(sha256Hex(secret.getBytes(StandardCharsets.US_ASCII)));
        assertThat(row.get("prefix")).isEqualTo(secret.substring(0, 12));
        assertThat(row.get("name")).isEqualTo("db check");
        String randomPart = secret.substring(12);
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(randomPart));
    }

    @Test
    void list_showsEveryKeyNewestFirstWithoutSecretsOrHashes() {
        JsonPath first = issueKey(space, null, "artifacts:read");
        JsonPath second = issueKey(space, "second", "artifacts:write");

        Response response = admin().get(keysPath(space));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath list = response.jsonPath();
        assertThat(list.getList("data.id")).containsExactly(second.getString("id"), first.getString("id"));
        assertThat(list.getList("data.name")).containsExactly("second", null);
        assertThat(list.getList("data.prefix")).containsExactly(second.getString("prefix"), first.getString("prefix"));
        assertThat(list.getList("data[0].scopes")).containsExactly("artifacts:write");
        String body = response.asString();
        for (JsonPath key : List.of(first, second)) {
            String secret = key.getString("secret");
            assertThat(body).doesNotContain(secret).doesNotContain(secret.substring(12))
                    .doesNotContain(sha256Hex(secret.getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(body).doesNotContain("\"secret").doesNotContain("hash");
    }

    @Test
    void givenMissingEmptyOrUnknownScopes_issueKey_returns400ListingEachField() {
        Map<String, List<String>> cases = Map.of(
                "{}", List.of("scopes"),
                "{\"scopes\": null}", List.of("scopes"),
                "{\"scopes\": []}", List.of("scopes"),
                "{\"scopes\": \"artifacts:read\"}", List.of("scopes"),
                "{\"scopes\": [\"artifacts:read\", \"artifacts:delete\", 7]}", List.of("scopes[1]", "scopes[2]"),
                "{\"name\": \"\", \"scopes\": [\"ARTIFACTS:READ\"]}", List.of("name", "scopes[0]"),
                "{\"name\": 5, \"scopes\": []}", List.of("name", "scopes"),
                "{\"name\": \"" + "n".repeat(101) + "\", \"scopes\": [\"artifacts:read\"]}", List.of("name"));
        cases.forEach((body, fields) -> {
            JsonPath problem = assertProblem(admin().contentType("application/json").body(body).post(keysPath(space)),
                    400, "validation_failed");
            assertThat(errorFields(problem)).as(body).containsExactlyElementsOf(fields);
        });
        assertThat(admin().get(keysPath(space)).then().statusCode(200).extract().<List<?>>path("data")).isEmpty();
    }

    @Test
    void givenUnknownOrMalformedSpace_keyRoutes_return404Or400() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(admin().contentType("application/json").body("{\"scopes\": [\"artifacts:read\"]}")
                .post(keysPath(unknown)), 404, "not_found");
        assertProblem(admin().get(keysPath(unknown)), 404, "not_found");
        assertProblem(admin().get(keysPath("nope")), 400, "invalid_space_id");
    }

    @Test
    void revoke_returns204AndIsIdempotent() {
        JsonPath issued = issueKey(space, null, "artifacts:read", "artifacts:write");
        String path = keysPath(space) + "/" + issued.getString("id");

        admin().delete(path).then().statusCode(204);
        String revokedAt = admin().get(path).then().statusCode(200).extract().path("revoked_at");
        admin().delete(path).then().statusCode(204);

        assertThat(admin().get(path).then().extract().<String>path("revoked_at")).isEqualTo(revokedAt).isNotBlank();
        assertProblem(as(issued.getString("secret")).get(artifactsPath(space)), 401, "unauthenticated");
    }

    @Test
    void givenUnknownKeyOrKeyOfAnotherSpace_revoke_returns404() {
        JsonPath issued = issueKey(space, null, "artifacts:read");
        String otherSpace = createSpace("other");

        assertProblem(admin().delete(keysPath(space) + "/" + UUID.randomUUID()), 404, "not_found");
        assertProblem(admin().delete(keysPath(otherSpace) + "/" + issued.getString("id")), 404, "not_found");
        assertProblem(admin().delete(keysPath(space) + "/not-a-uuid"), 400, "invalid_key_id");
        as(issued.getString("secret")).get(artifactsPath(space)).then().statusCode(200);
    }

    @Test
    void givenApiKey_keyRoutes_return403InItsSpaceAnd404Elsewhere() {
        String key = fixtures.newKey(space, Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);
        String keyId = issueKey(space, null, "artifacts:read").getString("id");
        String otherSpace = createSpace("not yours");

        assertProblem(as(key).get(keysPath(space)), 403, "forbidden");
        assertProblem(as(key).contentType("application/json").body("{\"scopes\": [\"artifacts:read\"]}")
                .post(keysPath(space)), 403, "forbidden");
        assertProblem(as(key).delete(keysPath(space) + "/" + keyId), 403, "forbidden");
        assertProblem(as(key).get(keysPath(otherSpace)), 404, "not_found");
        assertProblem(as(key).delete(keysPath(otherSpace) + "/" + keyId), 404, "not_found");
        assertThat(admin().get(keysPath(space) + "/" + keyId).then().extract().<String>path("revoked_at")).isNull();
    }

    @Test
    void givenNoOrUnknownKey_keyRoutes_return401BeforeAnyValidation() {
        for (Response response : List.of(anonymous().get(keysPath(space)),
                anonymous().contentType("application/json").body("{}").post(keysPath("nope")),
                as("ak_live_unknown_" + UUID.randomUUID()).delete(keysPath(space) + "/" + UUID.randomUUID()),
                as(fixtures.revokedKey(space)).get(keysPath(space)))) {
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).isNotBlank();
        }
    }
}
