package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.admin;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.keysPath;
import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.spacePath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.api;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.artifactsPath;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.bootstrapSpace;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no admin key hash configured the admin API is off: every admin call answers 401; keys work as before. */
@QuarkusTest
@TestProfile(AdminApiDisabledTest.NoAdminCredential.class)
class AdminApiDisabledTest {

    public static class NoAdminCredential implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("artifacts.admin.key-sha256", "");
        }
    }

    @Inject
    TestFixtures fixtures;

    @Test
    void givenAdminApiDisabled_theFormerAdminSecret_isRefusedEverywhere() {
        String space = bootstrapSpace();
        for (Response response : List.of(
                admin().contentType("application/json").body("{\"name\": \"x\"}").post("/v1/spaces"),
                admin().get(spacePath(space)),
                admin().get(keysPath(space)),
                admin().contentType("application/json").body("{\"scopes\": [\"artifacts:read\"]}").post(keysPath(space)))) {
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).contains("X-API-Key");
        }
    }

    @Test
    void givenAdminApiDisabled_apiKeys_stillWorkAndStillMayNotManageKeys() {
        api().get(artifactsPath(bootstrapSpace())).then().statusCode(200);
        api().get(spacePath(bootstrapSpace())).then().statusCode(200);
        String readOnly = fixtures.newKey(bootstrapSpace(), Scope.ARTIFACTS_READ);
        assertProblem(as(readOnly).get(keysPath(bootstrapSpace())), 403, "forbidden");
    }
}
