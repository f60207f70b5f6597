package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;
import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.json;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls of the administration API as the tests' admin (whose hash the test configuration holds). */
final class AdminApiTestSupport {

    /** The test admin secret; {@code artifacts.admin.key-sha256} in the test configuration is its SHA-256. */
    static final String ADMIN_KEY = "adm_test_rest_0123456789abcdef0123456789abcdef";

    private AdminApiTestSupport() {
    }

    static RequestSpecification admin() {
        return as(ADMIN_KEY);
    }

    static String spacePath(String spaceId) {
        return "/v1/spaces/" + spaceId;
    }

    static String keysPath(String spaceId) {
        return spacePath(spaceId) + "/api-keys";
    }

    /** Creates a space through the API; returns its ID. */
    static String createSpace(String name) {
        return admin().contentType("application/json").body(json(Map.of("name", name)))
                .post("/v1/spaces").then().statusCode(201).extract().path("id");
    }

    /** Issues a key through the API; returns the whole answer (id, secret, ...). */
    static JsonPath issueKey(String spaceId, String name, String... scopes) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (name != null) {
            body.put("name", name);
        }
        body.put("scopes", Arrays.asList(scopes));
        return admin().contentType("application/json").body(json(body))
                .post(keysPath(spaceId)).then().statusCode(201).extract().jsonPath();
    }
}
