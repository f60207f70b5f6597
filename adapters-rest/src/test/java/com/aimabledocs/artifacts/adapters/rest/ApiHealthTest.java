package com.aimabledocs.artifacts.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The API's health against the real test stack: readiness without Kafka (ADR 0016), and the outbox relay in a
 * health group of its own. Kafka down is GenerationFaultIT's scenario (the API stays ready, the group is DOWN).
 */
@QuarkusTest
class ApiHealthTest {

    @Test
    void givenRunningStack_readiness_isUpWithDatabaseAndObjectStorageButNotKafka() {
        given()
                .when().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "object-storage"))
                .body("checks.name", not(hasItems("kafka")))
                .body("checks.status", everyItem(is("UP")));
    }

    @Test
    void givenRunningStack_outboxRelayGroup_isUpWithKafkaReachableAndTheBacklog() {
        given()
                .when().get("/q/health/group/outbox-relay")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("outbox-relay"))
                .body("checks[0].data.kafka_reachable", is(true))
                .body("checks[0].data.unsent_rows", notNullValue())
                .body("checks[0].data.oldest_unsent_age_seconds", notNullValue())
                .body("checks[0].data.degraded_after_seconds", is(60));
    }

    @Test
    void outboxRelayGroup_isInNeitherReadinessNorLiveness() {
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItems("outbox-relay")));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItems("outbox-relay")));
    }
}
