package com.aimabledocs.artifacts.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one loop the consumer waits in: until done, until it gives up, or until the worker stops. */
class RetryLoopTest {

    private final RetryLoop loop = new RetryLoop((WorkerConfig) Proxy.newProxyInstance(
            WorkerConfig.class.getClassLoader(), new Class<?>[] {WorkerConfig.class},
            (proxy, method, args) -> method.getName().equals("unavailableBackoff") ? Duration.ofMillis(1) : null));

    private final AtomicInteger tries = new AtomicInteger();

    @Test
    void givenTriesThatWaitOrGoAgain_untilStopped_triesUntilDone() throws Exception {
        String result = loop.untilStopped("job j", () -> switch (tries.incrementAndGet()) {
            case 1 -> RetryLoop.waitFor("database unavailable");
            case 2 -> RetryLoop.again();
            default -> RetryLoop.done("recorded");
        });

        assertThat(result).isEqualTo("recorded");
        assertThat(tries).hasValue(3);
    }

    @Test
    void givenTriesThatKeepThrowing_untilStopped_givesUpAfterTheMaximumWithTheLastFailure() throws Exception {
        String result = loop.untilStopped("job j", 3, () -> {
            throw new IllegalStateException("bug " + tries.incrementAndGet());
        }, (last, failures) -> failures + " × " + last.getMessage());

        assertThat(result).isEqualTo("3 × bug 3");
    }

    @Test
    void givenATryThatThrows_untilStoppedWithoutGivingUp_endsWithItsException() {
        assertThatThrownBy(() -> loop.untilStopped("dead letter", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
        assertThat(tries).hasValue(1);
    }

    @Test
    void givenStoppingWorker_untilStopped_endsWithoutTryingSoTheRecordIsDeliveredAgain() {
        loop.onStop(null);

        assertThatThrownBy(() -> loop.untilStopped("job j", () -> RetryLoop.done(tries.incrementAndGet())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("job j");
        assertThat(tries).hasValue(0);
    }
}
