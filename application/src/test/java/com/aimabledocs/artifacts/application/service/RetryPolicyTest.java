package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Duration BASE = Duration.ofMillis(200);
    private static final Duration CAP = Duration.ofSeconds(10);

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(BASE, CAP, () -> random);
    }

    private static long delayMillis(RetryPolicy policy, int attempt) {
        return Duration.between(NOW, policy.nextAttemptAt(attempt, NOW)).toMillis();
    }

    private static long ceilingMillis(int attempt) {
        double exponential = BASE.toMillis() * Math.pow(2, attempt - 1);
        return (long) Math.min(CAP.toMillis(), exponential);
    }

    static Stream<Arguments> randomsAndAttempts() {
        return Stream.of(0.0, 0.5, 1.0).flatMap(r -> IntStream.rangeClosed(1, 40).mapToObj(n -> arguments(r, n)));
    }

    @ParameterizedTest(name = "random {0}, attempt {1}")
    @MethodSource("randomsAndAttempts")
    void delay_staysWithinOneMillisecondAndTheExponentialCeiling(double random, int attempt) {
        long delay = delayMillis(policy(random), attempt);

        assertThat(delay).isBetween(1L, Math.max(1L, ceilingMillis(attempt)));
    }

    @ParameterizedTest(name = "attempt {0}: random 0 -> {1} ms, 0.5 -> {2} ms, 1 -> {3} ms")
    @CsvSource({
            "1,  1,  100,   200",
            "2,  1,  200,   400",
            "3,  1,  400,   800",
            "4,  1,  800,  1600",
            "6,  1, 3200,  6400",
            "7,  1, 5000, 10000",
            "30, 1, 5000, 10000",
            "31, 1, 5000, 10000",
            "1000, 1, 5000, 10000",
    })
    void delay_isTheRandomShareOfTheCeiling(int attempt, long atZero, long atHalf, long atOne) {
        assertThat(delayMillis(policy(0.0), attempt)).isEqualTo(atZero);
        assertThat(delayMillis(policy(0.5), attempt)).isEqualTo(atHalf);
        assertThat(delayMillis(policy(1.0), attempt)).isEqualTo(atOne);
    }

    @Test
    void givenAttemptZeroOrBelow_delay_isThatOfTheFirstAttempt() {
        assertThat(delayMillis(policy(1.0), 0)).isEqualTo(200);
        assertThat(delayMillis(policy(1.0), -5)).isEqualTo(200);
    }

    @Test
    void givenBaseEqualToCap_delay_neverGrows() {
        RetryPolicy flat = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> 1.0);

        assertThat(delayMillis(flat, 1)).isEqualTo(1000);
        assertThat(delayMillis(flat, 20)).isEqualTo(1000);
    }

    @Test
    void givenBaseNotPositiveOrCapBelowBase_policy_isRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, CAP, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofMillis(-1), CAP, () -> 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(CAP, BASE, () -> 0.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
