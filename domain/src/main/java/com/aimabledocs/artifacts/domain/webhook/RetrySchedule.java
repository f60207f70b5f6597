package com.aimabledocs.artifacts.domain.webhook;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a delivery is attempted: entry {@code n} is the wait before attempt {@code n + 1}, counted from the event
 * for the first and from the failed attempt before for the others. The default,
 * {@code 0s,5s,5m,30m,2h,5h,10h,10h}, makes eight attempts over about 28 hours. Each wait is spread by up to
 * {@code jitter} (a fraction, 0.1 = ±10 %) so that the retries of many deliveries that failed together (a
 * receiver's outage) do not arrive together.
 */
public record RetrySchedule(List<Duration> waits, double jitter) {

    private static final Pattern ENTRY = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    public RetrySchedule {
        waits = List.copyOf(waits);
        if (waits.isEmpty()) {
            throw new InvalidValueException("retry_schedule", "the retry schedule names at least one attempt");
        }
        if (waits.stream().anyMatch(Duration::isNegative)) {
            throw new InvalidValueException("retry_schedule", "a wait in the retry schedule cannot be negative");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new InvalidValueException("retry_schedule", "jitter is a fraction from 0 (none) to below 1");
        }
    }

    /** Parses a comma-separated list such as {@code 0s,5s,5m,30m,2h,5h,10h,10h} (units ms, s, m, h, d). */
    public static RetrySchedule parse(String text, double jitter) {
        List<Duration> waits = new ArrayList<>();
        for (String entry : text.split(",")) {
            Matcher m = ENTRY.matcher(entry.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new InvalidValueException("retry_schedule",
                        "'" + entry.trim() + "' is not a wait such as 0s, 500ms, 5m, 2h or 1d");
            }
            long amount = Long.parseLong(m.group(1));
            waits.add(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return new RetrySchedule(waits, jitter);
    }

    public int maxAttempts() {
        return waits.size();
    }

    /** When the first attempt is due for an event that arrived at {@code now}. */
    public Instant firstAttemptAt(Instant now, DoubleSupplier random) {
        return now.plus(spread(waits.get(0), random));
    }

    /**
     * When the attempt after {@code attemptsMade} failed ones is due, or empty when the schedule is spent.
     *
     * @param random a uniform draw in [0, 1)
     */
    public Optional<Instant> nextAttemptAt(int attemptsMade, Instant now, DoubleSupplier random) {
        if (attemptsMade >= waits.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(spread(waits.get(attemptsMade), random)));
    }

    /** The total of the waits, without jitter: how long a receiver may be down before a delivery fails. */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    private Duration spread(Duration wait, DoubleSupplier random) {
        if (jitter == 0 || wait.isZero()) {
            return wait;
        }
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofNanos(Math.round(wait.toNanos() * factor));
    }
}
