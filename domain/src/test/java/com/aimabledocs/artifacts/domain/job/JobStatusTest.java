package com.aimabledocs.artifacts.domain.job;

import static com.aimabledocs.artifacts.domain.job.JobStatus.CANCELED;
import static com.aimabledocs.artifacts.domain.job.JobStatus.FAILED;
import static com.aimabledocs.artifacts.domain.job.JobStatus.QUEUED;
import static com.aimabledocs.artifacts.domain.job.JobStatus.RUNNING;
import static com.aimabledocs.artifacts.domain.job.JobStatus.SUCCEEDED;
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

class JobStatusTest {

    /** Every (from, to) pair, spelled out: a new status or a changed rule has to be decided here. */
    static Stream<Arguments> transitionTable() {
        return Stream.of(
                arguments(QUEUED, QUEUED, false),
                arguments(QUEUED, RUNNING, true),
                arguments(QUEUED, SUCCEEDED, false),
                arguments(QUEUED, FAILED, false),
                arguments(QUEUED, CANCELED, true),

                arguments(RUNNING, QUEUED, true),
                arguments(RUNNING, RUNNING, false),
                arguments(RUNNING, SUCCEEDED, true),
                arguments(RUNNING, FAILED, true),
                arguments(RUNNING, CANCELED, true),

                arguments(SUCCEEDED, QUEUED, false),
                arguments(SUCCEEDED, RUNNING, false),
                arguments(SUCCEEDED, SUCCEEDED, false),
                arguments(SUCCEEDED, FAILED, false),
                arguments(SUCCEEDED, CANCELED, false),

                arguments(FAILED, QUEUED, false),
                arguments(FAILED, RUNNING, false),
                arguments(FAILED, SUCCEEDED, false),
                arguments(FAILED, FAILED, false),
                arguments(FAILED, CANCELED, false),

                arguments(CANCELED, QUEUED, false),
                arguments(CANCELED, RUNNING, false),
                arguments(CANCELED, SUCCEEDED, false),
                arguments(CANCELED, FAILED, false),
                arguments(CANCELED, CANCELED, false));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("transitionTable")
    void canMoveTo_followsTheTransitionTable(JobStatus from, JobStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void transitionTable_coversEveryPairExactlyOnce() {
        List<List<Object>> pairs = transitionTable().map(a -> List.of(a.get()[0], a.get()[1])).toList();
        int n = JobStatus.values().length;

        assertThat(pairs).hasSize(n * n).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(names = {"SUCCEEDED", "FAILED", "CANCELED"})
    void givenFinalStatus_isFinal_isTrue(JobStatus status) {
        assertThat(status.isFinal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"QUEUED", "RUNNING"})
    void givenOpenStatus_isFinal_isFalse(JobStatus status) {
        assertThat(status.isFinal()).isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void wireName_isLowerCaseAndRoundTrips(JobStatus status) {
        assertThat(status.wireName()).isEqualTo(status.name().toLowerCase());
        assertThat(JobStatus.fromWireName(status.wireName())).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUEUED", "done", ""})
    void givenUnknownWireName_fromWireName_isRefusedAsInvalidJobStatus(String text) {
        assertThatThrownBy(() -> JobStatus.fromWireName(text))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_job_status"));
    }

    @Test
    void jobKind_wireName_isLowerCase() {
        assertThat(JobKind.GENERATE.wireName()).isEqualTo("generate");
    }
}
