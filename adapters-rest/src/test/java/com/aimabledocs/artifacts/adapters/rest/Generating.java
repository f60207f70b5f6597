package com.aimabledocs.artifacts.adapters.rest;

import static com.aimabledocs.artifacts.adapters.rest.ApiTestSupport.as;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Generates an artifact through the API and runs its job with the worker's use case, in this process. */
final class Generating {

    record Accepted(String artifactId, String jobId) {
    }

    private Generating() {
    }

    static Accepted generateAndRun(TestFixtures fixtures, TestFixtures.SpaceKey space, String name) {
        String content = Base64.getEncoder().encodeToString(("content of " + name).getBytes(StandardCharsets.UTF_8));
        JsonPath accepted = as(space.apiKey()).contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"type\":\"text\",\"content\":\"" + content + "\"}")
                .post("/v1/spaces/" + space.spaceId() + "/artifacts/generate")
                .then().statusCode(202).extract().jsonPath();
        Accepted result = new Accepted(accepted.getString("artifact.id"), accepted.getString("job.id"));
        fixtures.runJob(space.spaceId(), result.artifactId(), result.jobId());
        return result;
    }
}
