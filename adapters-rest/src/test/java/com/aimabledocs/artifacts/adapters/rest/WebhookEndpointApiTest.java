package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.AdminApiTestSupport.admin;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.assertProblem;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.errorFields;
import static com.aimabledocs.artifacts.adapters.rest.WebhookApiTestSupport.endpointsPath;
import static com.aimabledocs.artifacts.adapters.rest.WebhookApiTestSupport.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.aimabledocs.artifacts.domain.access.Scope;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Registering, reading, changing, deleting and testing a space's webhook endpoints, rotating their secrets,
 * reading and retrying their deliveries, and who may do it. The test profile allows private targets (no
 * worker sends anything here: deliveries stay pending).
 */
@QuarkusTest
class WebhookEndpointApiTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Inject
    TestFixtures fixtures;

    private String space;
    private String key;

    @BeforeEach
    void aSpaceWithAWebhookManager() {
        var spaceKey = fixtures.newSpace(Scope.WEBHOOKS_MANAGE);
        space = spaceKey.spaceId();
        key = spaceKey.apiKey();
    }

    private JsonPath registered() {
        return register(as(key), space, URL, List.of("job.failed", "artifact.ready")).then().statusCode(201)
                .extract().jsonPath();
    }

    private String endpointPath(String id) {
        return endpointsPath(space) + "/" + id;
    }

    private Response patch(String id, String body) {
        return as(key).contentType("application/json").body(body).patch(endpointPath(id));
    }

    @Test
    void register_returns201WithLocationNoStoreAndTheSecretOnce() {
        Response response = as(key).contentType("application/json")
                .body("{\"url\": \"" + URL + "\", \"event_types\": [\"job.failed\", \"artifact.ready\"],"
                        + " \"description\": \"CI\"}")
                .post(endpointsPath(space));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonPath endpoint = response.jsonPath();
        String id = endpoint.getString("id");
        assertThat(response.header("Location")).endsWith(endpointPath(id));
        assertThat(endpoint.getString("space_id")).isEqualTo(space);
        assertThat(endpoint.getString("url")).isEqualTo(URL);
        assertThat(endpoint.getList("event_types")).containsExactly("artifact.ready", "job.failed");
        assertThat(endpoint.getString("description")).isEqualTo("CI");
        assertThat(endpoint.getBoolean("enabled")).isTrue();
        assertThat(endpoint.getString("disabled_reason")).isNull();
        assertThat(endpoint.getString("previous_secret_expires_at")).isNull();
        assertThat(Instant.parse(endpoint.getString("created_at"))).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        String secret = endpoint.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6)).length).isGreaterThanOrEqualTo(24);

        String list = as(key).get(endpointsPath(space)).then().statusCode(200).extract().asString();
        String one = as(key).get(endpointPath(id)).then().statusCode(200).extract().asString();
        for (String body : List.of(list, one)) {
            assertThat(body).contains(id).doesNotContain(secret).doesNotContain(secret.substring(6))
                    .doesNotContain("\"secret\"");
        }
    }

    @Test
    void list_showsEveryEndpointNewestFirst() {
        String first = registered().getString("id");
        String second = registered().getString("id");

        JsonPath list = as(key).get(endpointsPath(space)).then().statusCode(200).extract().jsonPath();

        assertThat(list.getList("data.id")).containsExactly(second, first);
    }

    @Test
    void patch_changesEachField_andLeavesTheOthers() {
        String id = registered().getString("id");

        JsonPath changed = patch(id, "{\"url\": \"http://127.0.0.1:9/other\"}").then().statusCode(200)
                .extract().jsonPath();
        assertThat(changed.getString("url")).isEqualTo("http://127.0.0.1:9/other");
        assertThat(changed.getList("event_types")).containsExactly("artifact.ready", "job.failed");

        changed = patch(id, "{\"event_types\": [\"endpoint.disabled\", \"artifact.pending\"]}").then().statusCode(200)
                .extract().jsonPath();
        assertThat(changed.getList("event_types")).containsExactly("artifact.pending", "endpoint.disabled");

        changed = as(key).contentType("application/merge-patch+json").body("{\"description\": \"nightly\"}")
                .patch(endpointPath(id)).then().statusCode(200).extract().jsonPath();
        assertThat(changed.getString("description")).isEqualTo("nightly");

        String removed = patch(id, "{\"description\": null}").then().statusCode(200).extract().asString();
        assertThat(removed).contains("\"description\":null").contains("\"url\":\"http://127.0.0.1:9/other\"");
    }

    @Test
    void disableAndEnable_areShownWithTheirReason() {
        String id = registered().getString("id");

        JsonPath disabled = patch(id, "{\"enabled\": false}").then().statusCode(200).extract().jsonPath();
        assertThat(disabled.getBoolean("enabled")).isFalse();
        assertThat(disabled.getString("disabled_reason")).isEqualTo("manual");
        assertThat(disabled.getString("disabled_at")).isNotNull();
        assertProblem(as(key).post(endpointPath(id) + "/test"), 409, "webhook_endpoint_disabled");

        JsonPath enabled = patch(id, "{\"enabled\": true}").then().statusCode(200).extract().jsonPath();
        assertThat(enabled.getBoolean("enabled")).isTrue();
        assertThat(enabled.getString("disabled_reason")).isNull();
        assertThat(enabled.getString("disabled_at")).isNull();
    }

    @Test
    void delete_returns204_thenTheEndpointIsGone() {
        String id = registered().getString("id");

        as(key).delete(endpointPath(id)).then().statusCode(204);

        assertProblem(as(key).get(endpointPath(id)), 404, "not_found");
        assertProblem(as(key).delete(endpointPath(id)), 404, "not_found");
    }

    @Test
    void rotate_returnsANewSecretNoStore_andThePreviousOneSignsFor24Hours() {
        JsonPath created = registered();
        String id = created.getString("id");

        Response response = as(key).post(endpointPath(id) + "/rotate-secret");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonPath rotated = response.jsonPath();
        assertThat(rotated.getString("secret")).startsWith("whsec_").isNotEqualTo(created.getString("secret"));
        assertThat(Instant.parse(rotated.getString("previous_secret_expires_at")))
                .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(5, ChronoUnit.MINUTES));
        String again = as(key).get(endpointPath(id)).then().statusCode(200).extract().asString();
        assertThat(again).doesNotContain(rotated.getString("secret")).doesNotContain(created.getString("secret"));
    }

    @Test
    void test_returns202WithAPendingDelivery_thatTheLogShows() {
        String id = registered().getString("id");

        Response response = as(key).post(endpointPath(id) + "/test");

        assertThat(response.statusCode()).isEqualTo(202);
        JsonPath delivery = response.jsonPath();
        assertThat(delivery.getString("event_type")).isEqualTo("webhook.test");
        assertThat(delivery.getString("status")).isEqualTo("pending");
        assertThat(delivery.getInt("attempt_count")).isZero();
        assertThat(delivery.getString("next_attempt_at")).isNotNull();
        assertThat(delivery.getList("attempts")).isEmpty();
        assertThat(response.header("Location")).endsWith(endpointPath(id) + "/deliveries/" + delivery.getString("id"));

        JsonPath log = as(key).get(endpointPath(id) + "/deliveries").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("data.id")).containsExactly(delivery.getString("id"));
        assertThat(log.getString("data[0].event_id")).isEqualTo(delivery.getString("event_id"));
        assertThat(log.getBoolean("has_more")).isFalse();
        assertThat(log.getString("next_cursor")).isNull();
        as(key).get(response.header("Location")).then().statusCode(200);
    }

    @Test
    void deliveries_arePagedNewestFirst_filteredByStatus_andABadCursorIsRefused() {
        String id = registered().getString("id");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(0, as(key).post(endpointPath(id) + "/test").then().statusCode(202).extract().path("id"));
        }
        String deliveries = endpointPath(id) + "/deliveries";

        JsonPath first = as(key).queryParam("limit", 2).get(deliveries).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("data.id")).containsExactlyElementsOf(sent.subList(0, 2));
        assertThat(first.getBoolean("has_more")).isTrue();
        JsonPath second = as(key).queryParam("limit", 2).queryParam("cursor", first.getString("next_cursor"))
                .get(deliveries).then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("data.id")).containsExactly(sent.get(2));
        assertThat(second.getString("next_cursor")).isNull();

        JsonPath pending = as(key).queryParam("status", "pending").get(deliveries).then().statusCode(200)
                .extract().jsonPath();
        assertThat(pending.getList("data.id")).hasSize(3);
        JsonPath succeeded = as(key).queryParam("status", "succeeded").get(deliveries).then().statusCode(200)
                .extract().jsonPath();
        assertThat(succeeded.getList("data")).isEmpty();

        assertProblem(as(key).queryParam("cursor", "not-a-cursor").get(deliveries), 400, "invalid_cursor");
        assertProblem(as(key).queryParam("status", "failed").queryParam("cursor", first.getString("next_cursor"))
                .get(deliveries), 400, "invalid_cursor");
        assertProblem(as(key).queryParam("limit", 0).get(deliveries), 400, "invalid_limit");
        assertProblem(as(key).queryParam("limit", "x").get(deliveries), 400, "invalid_limit");
        assertProblem(as(key).queryParam("status", "lost").get(deliveries), 400, "invalid_status");
        assertProblem(as(key).get(deliveries + "/" + UUID.randomUUID()), 404, "not_found");
        assertProblem(as(key).get(deliveries + "/nope"), 400, "invalid_delivery_id");
    }

    @Test
    void retry_returns202WithTheDeliveryDueAgain() {
        String id = registered().getString("id");
        String delivery = as(key).post(endpointPath(id) + "/test").then().statusCode(202).extract().path("id");

        Response response = as(key).post(endpointPath(id) + "/deliveries/" + delivery + "/retry");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.jsonPath().getString("id")).isEqualTo(delivery);
        assertThat(response.jsonPath().getString("status")).isEqualTo("pending");
        patch(id, "{\"enabled\": false}").then().statusCode(200);
        assertProblem(as(key).post(endpointPath(id) + "/deliveries/" + delivery + "/retry"), 409,
                "webhook_endpoint_disabled");
        assertThat(as(key).get(endpointPath(id) + "/deliveries/" + delivery).then().statusCode(200)
                .extract().<String>path("status")).as("disabling ended it").isEqualTo("failed");
    }

    @Test
    void givenAKeyWithoutWebhooksManage_everyRouteIs403() {
        String id = registered().getString("id");
        String reader = fixtures.newKey(space, Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE);

        assertProblem(register(as(reader), space, URL, List.of("job.failed")), 403, "forbidden");
        assertProblem(as(reader).get(endpointsPath(space)), 403, "forbidden");
        assertProblem(as(reader).get(endpointPath(id)), 403, "forbidden");
        assertProblem(as(reader).contentType("application/json").body("{}").patch(endpointPath(id)), 403, "forbidden");
        assertProblem(as(reader).post(endpointPath(id) + "/test"), 403, "forbidden");
        assertProblem(as(reader).delete(endpointPath(id)), 403, "forbidden");
    }

    @Test
    void givenAKeyOfAnotherSpace_everyRouteIs404() {
        String id = registered().getString("id");
        String other = fixtures.newSpace(Scope.WEBHOOKS_MANAGE).apiKey();

        assertProblem(register(as(other), space, URL, List.of("job.failed")), 404, "not_found");
        assertProblem(as(other).contentType("application/json").body("not json").post(endpointsPath(space)), 404,
                "not_found");
        assertProblem(as(other).get(endpointsPath(space)), 404, "not_found");
        assertProblem(as(other).get(endpointPath(id)), 404, "not_found");
        assertProblem(as(other).post(endpointPath(id) + "/rotate-secret"), 404, "not_found");
        assertProblem(as(other).get(endpointPath(id) + "/deliveries"), 404, "not_found");
    }

    @Test
    void theAdmin_managesAnySpacesEndpoints_andAMissingSpaceIs404() {
        String id = register(admin(), space, URL, List.of("job.failed")).then().statusCode(201).extract().path("id");

        assertThat(as(key).get(endpointsPath(space)).then().statusCode(200).extract().<List<String>>path("data.id"))
                .containsExactly(id);
        admin().post(endpointPath(id) + "/test").then().statusCode(202);
        admin().delete(endpointPath(id)).then().statusCode(204);
        assertProblem(register(admin(), UUID.randomUUID().toString(), URL, List.of("job.failed")), 404, "not_found");
        assertProblem(admin().get(endpointsPath(UUID.randomUUID().toString())), 404, "not_found");
    }

    @Test
    void theMetadataService_isRefusedEvenWherePrivateTargetsAreAllowed() {
        JsonPath problem = assertProblem(register(as(key), space, "http://169.254.169.254/latest", List.of("job.failed")),
                422, "webhook_target_forbidden");
        assertThat(problem.getString("detail")).contains("169.254.169.254");
    }

    @Test
    void badBodies_are400() {
        assertThat(errorFields(assertProblem(register(as(key), space, URL, List.of("job.exploded")), 400,
                "invalid_event_types"))).containsExactly("event_types");
        assertProblem(register(as(key), space, URL, List.of()), 400, "invalid_event_types");
        assertProblem(register(as(key), space, URL, List.of("webhook.test")), 400, "invalid_event_types");
        assertThat(errorFields(assertProblem(register(as(key), space, "not a url", List.of("job.failed")), 400,
                "invalid_url"))).containsExactly("url");
        assertProblem(register(as(key), space, "ftp://example.com/", List.of("job.failed")), 400, "invalid_url");
        assertThat(errorFields(assertProblem(as(key).contentType("application/json")
                .body("{\"url\": 7, \"event_types\": \"job.failed\", \"enabel\": true}").post(endpointsPath(space)),
                400, "validation_failed"))).containsExactlyInAnyOrder("url", "event_types", "enabel");
        assertProblem(as(key).contentType("application/json").body("{\"url\": ").post(endpointsPath(space)), 400,
                "invalid_json");
        String id = registered().getString("id");
        assertThat(errorFields(assertProblem(patch(id, "{\"enable\": false}"), 400, "validation_failed")))
                .containsExactly("enable");
        assertProblem(patch(id, "{\"enabled\": \"no\"}"), 400, "validation_failed");
        assertProblem(patch(id, "{\"url\": null}"), 400, "validation_failed");
        assertProblem(as(key).get(endpointsPath(space) + "/nope"), 400, "invalid_endpoint_id");
    }
}
