package com.aimabledocs.artifacts.worker;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The consumer's only way to wait: tries something again, pausing {@code artifacts.worker.unavailable-backoff}
 * between tries, until it is done or the worker stops (the record is then not acknowledged, and will be
 * delivered again). A try that throws a {@link RuntimeException} failed unexpectedly: after a given number of
 * those the loop gives up and returns what the caller's {@link GiveUp} makes of it.
 */
@ApplicationScoped
public class RetryLoop {

    private static final Logger LOG = Logger.getLogger(RetryLoop.class);

    /** What a try came to. */
    sealed interface Step<T> {
    }

    private record Done<T>(T value) implements Step<T> {
    }

    private record Again<T>() implements Step<T> {
    }

    private record Wait<T>(String why) implements Step<T> {
    }

    /** Finished with this value. */
    static <T> Step<T> done(T value) {
        return new Done<>(value);
    }

    /** Try again at once (something changed under the try; reading it again is enough). */
    static <T> Step<T> again() {
        return new Again<>();
    }

    /** Try again after the backoff: something needed is unavailable for now, {@code why}. */
    static <T> Step<T> waitFor(String why) {
        return new Wait<>(why);
    }

    @FunctionalInterface
    interface Attempt<T> {
        /** @throws RuntimeException an unexpected failure, counted */
        Step<T> run() throws InterruptedException;
    }

    @FunctionalInterface
    interface GiveUp<T> {
        /** The result once the tries failed unexpectedly {@code failures} times, the last with {@code last}. */
        T after(RuntimeException last, int failures) throws InterruptedException;
    }

    private final Duration backoff;
    private volatile boolean stopping;

    RetryLoop(WorkerConfig config) {
        this.backoff = config.unavailableBackoff();
    }

    /** First of the shutdown observers: no record starts from now on, before {@link GracefulStop} waits. */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        stopping = true;
    }

    /** Tries until done, however often the tries wait; a try that throws ends the loop with its exception. */
    <T> T untilStopped(String subject, Attempt<T> attempt) throws InterruptedException {
        return untilStopped(subject, 1, attempt, (last, failures) -> {
            throw last;
        });
    }

    /**
     * Tries until done, or until {@code maxUnexpectedFailures} tries threw.
     *
     * @param subject what is tried, for the log ("job …")
     * @throws IllegalStateException if the worker stops first
     */
    <T> T untilStopped(String subject, int maxUnexpectedFailures, Attempt<T> attempt, GiveUp<T> giveUp)
            throws InterruptedException {
        int unexpectedFailures = 0;
        while (!stopping) {
            Step<T> step;
            try {
                step = attempt.run();
            } catch (RuntimeException e) {
                if (++unexpectedFailures >= maxUnexpectedFailures) {
                    return giveUp.after(e, unexpectedFailures);
                }
                LOG.errorf(e, "%s failed unexpectedly; trying again", subject);
                Thread.sleep(backoff.toMillis());
                continue;
            }
            if (step instanceof Done<T> done) {
                return done.value();
            }
            if (step instanceof Wait<T> wait) {
                LOG.warnf("%s waits: %s", subject, wait.why());
                Thread.sleep(backoff.toMillis());
            }
        }
        throw new IllegalStateException("worker stopping during " + subject + "; its record will be delivered again");
    }
}
