package com.aimabledocs.artifacts.worker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Readiness against the real test stack: the worker is ready only when all three backing services answer. */
@QuarkusTest
@WithTestResource(value = WorkerTestTopic.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WorkerHealthTest {

    @Test
    void givenRunningStack_readiness_isUpWithDatabaseKafkaAndObjectStorage() {
        given()
                .when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "kafka", "object-storage"))
                .body("checks.status", everyItem(is("UP")));
    }
}
