package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.json;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Calls of the webhook endpoint routes. */
final class WebhookApiTestSupport {

    private WebhookApiTestSupport() {
    }

    static String endpointsPath(String spaceId) {
        return "/v1/spaces/" + spaceId + "/webhook-endpoints";
    }

    static Response register(RequestSpecification as, String spaceId, String url, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("event_types", types);
        return as.contentType("application/json").body(json(body)).post(endpointsPath(spaceId));
    }
}
