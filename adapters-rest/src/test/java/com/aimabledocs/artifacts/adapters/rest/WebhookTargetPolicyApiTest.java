package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.WebhookApiTestSupport.endpointsPath;
import static com.aimabledocs.artifacts.adapters.rest.WebhookApiTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The target policy as deployed (private targets not allowed): only https, only public addresses. */
@QuarkusTest
@TestProfile(WebhookTargetPolicyApiTest.PublicTargetsOnly.class)
class WebhookTargetPolicyApiTest {

    public static class PublicTargetsOnly implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("artifacts.webhooks.allow-private-targets", "false");
        }
    }

    @Inject
    TestFixtures fixtures;

    @Test
    void aHostResolvingToLoopback_andHttp_areRefused() {
        var spaceKey = fixtures.newSpace(Scope.WEBHOOKS_MANAGE);
        String space = spaceKey.spaceId();
        String key = spaceKey.apiKey();

        // Not assertProblem: its no-internals check refuses "127.0.0.1", which the domain's detail names here.
        var loopback = register(as(key), space, "https://localhost:8443/hook", List.of("job.failed"));
        assertThat(loopback.statusCode()).isEqualTo(422);
        assertThat(loopback.jsonPath().getString("code")).isEqualTo("webhook_target_forbidden");
        assertProblem(register(as(key), space, "https://10.1.2.3/hook", List.of("job.failed")), 422,
                "webhook_target_forbidden");
        assertProblem(register(as(key), space, "http://example.com/", List.of("job.failed")), 422,
                "webhook_target_not_https");
        assertThat(as(key).get(endpointsPath(space)).then().statusCode(200).extract().<List<?>>path("data")).isEmpty();
    }
}
