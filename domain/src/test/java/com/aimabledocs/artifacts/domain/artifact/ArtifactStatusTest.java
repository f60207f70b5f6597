package com.aimabledocs.artifacts.domain.artifact;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.DELETED;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.FAILED;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.PENDING;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.PROCESSING;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactStatusTest {

    /** Every (from, to) pair, spelled out: a new status or a changed rule has to be decided here. */
    static Stream<Arguments> transitionTable() {
        return Stream.of(
                arguments(PENDING, PENDING, false),
                arguments(PENDING, PROCESSING, true),
                arguments(PENDING, READY, false),
                arguments(PENDING, FAILED, true),
                arguments(PENDING, DELETED, true),

                arguments(PROCESSING, PENDING, false),
                arguments(PROCESSING, PROCESSING, false),
                arguments(PROCESSING, READY, true),
                arguments(PROCESSING, FAILED, true),
                arguments(PROCESSING, DELETED, true),

                arguments(READY, PENDING, false),
                arguments(READY, PROCESSING, false),
                arguments(READY, READY, false),
                arguments(READY, FAILED, false),
                arguments(READY, DELETED, true),

                arguments(FAILED, PENDING, false),
                arguments(FAILED, PROCESSING, false),
                arguments(FAILED, READY, false),
                arguments(FAILED, FAILED, false),
                arguments(FAILED, DELETED, true),

                arguments(DELETED, PENDING, false),
                arguments(DELETED, PROCESSING, false),
                arguments(DELETED, READY, false),
                arguments(DELETED, FAILED, false),
                arguments(DELETED, DELETED, false));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("transitionTable")
    void canMoveTo_followsTheTransitionTable(ArtifactStatus from, ArtifactStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void transitionTable_coversEveryPairExactlyOnce() {
        List<List<Object>> pairs = transitionTable().map(a -> List.of(a.get()[0], a.get()[1])).toList();
        int n = ArtifactStatus.values().length;

        assertThat(pairs).hasSize(n * n).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(names = {"READY", "FAILED", "DELETED"})
    void givenFinalStatus_isFinal_isTrue(ArtifactStatus status) {
        assertThat(status.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"PENDING", "PROCESSING"})
    void givenOpenStatus_isFinal_isFalse(ArtifactStatus status) {
        assertThat(status.isFinal()).isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void wireName_isLowerCaseAndRoundTrips(ArtifactStatus status) {
        assertThat(status.wireName()).isEqualTo(status.name().toLowerCase());
        assertThat(ArtifactStatus.fromWireName(status.wireName())).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"READY", "Ready", "done", "", " ready"})
    void givenUnknownWireName_fromWireName_isRefusedAsInvalidStatus(String text) {
        assertThatThrownBy(() -> ArtifactStatus.fromWireName(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_status");
                    assertThat(e.field()).isEqualTo("status");
                });
    }

    @Test
    void givenNull_fromWireName_isRefusedAsInvalidStatus() {
        assertThatThrownBy(() -> ArtifactStatus.fromWireName(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("failed, pending, processing, ready");
    }
}
