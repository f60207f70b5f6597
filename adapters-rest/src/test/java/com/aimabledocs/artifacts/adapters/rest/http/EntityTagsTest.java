package com.aimabledocs.artifacts.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** If-None-Match uses weak comparison over a list; If-Range needs a strong, exact tag. */
class EntityTagsTest {

    private static final String ETAG = "\"abc123\"";

    @ParameterizedTest
    @ValueSource(strings = {"\"abc123\"", "W/\"abc123\"", "*", " * ", "\"x\", \"abc123\"", "\"x\",W/\"abc123\"",
            "  \"abc123\"  "})
    void givenMatchingIfNoneMatch_conditionFails(String header) {
        assertThat(EntityTags.noneMatchFails(header, ETAG)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc12\"", "\"abc1234\"", "abc123", "\"x\", \"y\"", "W/\"other\"", "\"abc123", ""})
    void givenOtherIfNoneMatch_conditionHolds(String header) {
        assertThat(EntityTags.noneMatchFails(header, ETAG)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"abc123\"", "\"other\"", "Fri, 27 Nov 2026 10:00:00 GMT", "abc123"})
    void givenIfRangeNotStronglyEqual_rangeIsNotServed(String header) {
        assertThat(EntityTags.ifRangeHolds(header, ETAG)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc123\"", " \"abc123\" "})
    void givenIfRangeStronglyEqual_rangeIsServed(String header) {
        assertThat(EntityTags.ifRangeHolds(header, ETAG)).isTrue();
    }
}
