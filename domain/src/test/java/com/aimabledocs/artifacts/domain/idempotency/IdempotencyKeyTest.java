package com.aimabledocs.artifacts.domain.idempotency;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_CREATED_AT;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    private static final ApiKeyId OWNER = ApiKeyId.of(TestIds.next());
    private static final String ROUTE = "generate-artifact";

    @ParameterizedTest
    @ValueSource(strings = {"a", "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f", "order 42 / attempt #1", "~!@#$%^&*()"})
    void givenPrintableAscii_idempotencyKey_isAccepted(String key) {
        assertThat(new IdempotencyKey(OWNER, DEFAULT_SPACE, ROUTE, key).key()).isEqualTo(key);
    }

    @Test
    void given255Characters_idempotencyKey_isAccepted() {
        assertThat(new IdempotencyKey(OWNER, DEFAULT_SPACE, ROUTE, "k".repeat(255)).key()).hasSize(255);
    }

    @Test
    void given256Characters_idempotencyKey_isRefused() {
        assertThatThrownBy(() -> new IdempotencyKey(OWNER, DEFAULT_SPACE, ROUTE, "k".repeat(256)))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"tab\t", "new\nline", "nul\u0000", "del\u007f", "café", "emoji\uD83D\uDE00"})
    void givenEmptyOrNonPrintableKey_idempotencyKey_isRefused(String key) {
        assertThatThrownBy(() -> new IdempotencyKey(OWNER, DEFAULT_SPACE, ROUTE, key))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_idempotency_key"));
    }

    @Test
    void keys_areScopedToOwnerSpaceAndRoute() {
        IdempotencyKey key = new IdempotencyKey(OWNER, DEFAULT_SPACE, ROUTE, "k");

        assertThat(key).isEqualTo(new IdempotencyKey(OWNER, DEFAULT_SPACE, ROUTE, "k"));
        assertThat(key).isNotEqualTo(new IdempotencyKey(ApiKeyId.of(TestIds.next()), DEFAULT_SPACE, ROUTE, "k"));
        assertThat(key).isNotEqualTo(new IdempotencyKey(OWNER, DEFAULT_SPACE, "other-route", "k"));
    }

    @Test
    void givenMissingScope_idempotencyKey_isRefused() {
        assertThatThrownBy(() -> new IdempotencyKey(null, DEFAULT_SPACE, ROUTE, "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IdempotencyKey(OWNER, null, ROUTE, "k")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new IdempotencyKey(OWNER, DEFAULT_SPACE, null, "k")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void record_matchesOnlyItsOwnFingerprint() {
        IdempotencyRecord record = new IdempotencyRecord(new IdempotencyKey(OWNER, DEFAULT_SPACE, ROUTE, "k"), "abc",
                ArtifactId.of(TestIds.next()), JobId.of(TestIds.next()), DEFAULT_CREATED_AT);

        assertThat(record.matches("abc")).isTrue();
        assertThat(record.matches("abd")).isFalse();
        assertThat(record.matches("")).isFalse();
    }
}
