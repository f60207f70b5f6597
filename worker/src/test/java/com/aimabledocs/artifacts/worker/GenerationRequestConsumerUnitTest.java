package com.aimabledocs.artifacts.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.adapters.messaging.MessagingConfig;
import com.aimabledocs.artifacts.adapters.messaging.TraceContext;
import com.aimabledocs.artifacts.application.port.in.AcceptExternalGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.AlreadyFinished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Finished;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.LeaseHeldElsewhere;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Outcome;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.RetryScheduled;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.job.JobKind;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.shared.FailureReason;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The consumer's decisions without Kafka or a database: which outcomes dead-letter the record, and how
 * it deals with failures of the use case and of the dead-letter topic. The end-to-end behaviour against
 * the real stack is in {@link DeliveryGuaranteesTest}.
 */
class GenerationRequestConsumerUnitTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final SpaceId SPACE = SpaceId.of(UUID.randomUUID());
    private static final ArtifactId ARTIFACT = ArtifactId.of(UUID.randomUUID());
    private static final JobId JOB = JobId.of(UUID.randomUUID());

    private record Letter(String reason, String message, JobId job) {
    }

    private final List<Letter> letters = new ArrayList<>();
    private final AtomicInteger sendFailuresLeft = new AtomicInteger();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private GenerationRequestConsumer consumer(ProcessGenerationRequestUseCase process) {
        WorkerConfig config = stub(WorkerConfig.class);
        DeadLetters deadLetters = new DeadLetters(null, stub(MessagingConfig.class), config) {
            @Override
            void send(ConsumerRecord<String, byte[]> record, String reason, String message, JobId job) {
                if (sendFailuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("broker unavailable");
                }
                letters.add(new Letter(reason, message, job));
            }
        };
        AcceptExternalGenerationRequestUseCase noExternal = external -> {
            throw new AssertionError("no external request in these tests");
        };
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        RecordTracing noTracing = new RecordTracing(OpenTelemetry.noop(), new TraceContext(OpenTelemetry.noop(), json));
        return new GenerationRequestConsumer(process, noExternal, new GenerationRequestRecordReader(json),
                new RetryLoop(config), deadLetters, new WorkerMetrics(registry), noTracing);
    }

    /** Every Duration is a millisecond, every other setting its type's empty value. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Class<?> returns = method.getReturnType();
            if (returns == Duration.class) {
                return Duration.ofMillis(1);
            }
            if (returns == String.class) {
                return "test-topic";
            }
            if (returns == Optional.class) {
                return Optional.empty();
            }
            if (returns == int.class) {
                return 1;
            }
            return null;
        });
    }

    private static ConsumerRecord<String, byte[]> record(String value) {
        return new ConsumerRecord<>("requests", 0, 42L, ARTIFACT.toString(),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> validRecord() {
        return record(validRecordValue());
    }

    private static String validRecordValue() {
        return "{\"schema_version\":1,\"job_id\":\"%s\",\"artifact_id\":\"%s\",\"space_id\":\"%s\",\"staged_object_key\":\"%s\"}"
                .formatted(JOB, ARTIFACT, SPACE, ObjectKey.contentOf(SPACE, ARTIFACT));
    }

    private static Job running() {
        return Job.queue(JOB, ARTIFACT, SPACE, JobKind.GENERATE, 3, Optional.empty(), NOW).start(NOW, "worker-a", NOW.plusSeconds(30));
    }

    private static Job failed(String code) {
        return running().fail(new FailureReason(code, "it failed"), NOW);
    }

    private double counter(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void givenUseCaseFailingUnexpectedlyEveryTime_consume_deadLettersTheRecordAfterAFewTriesAndMovesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        consumer(request -> {
            calls.incrementAndGet();
            throw new IllegalStateException("a bug");
        }).consume(validRecord());

        assertThat(calls).hasValue(GenerationRequestConsumer.MAX_UNEXPECTED_FAILURES);
        assertThat(letters).containsExactly(new Letter("processing_error", "java.lang.IllegalStateException: a bug", JOB));
        assertThat(counter("artifacts.worker.dead.letters", "reason", "processing_error")).isEqualTo(1);
    }

    @Test
    void givenConcurrentUpdate_consume_processesAgainAndRecordsTheOutcome() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        consumer(request -> {
            if (calls.incrementAndGet() == 1) {
                throw new ConcurrentUpdateException("job", JOB);
            }
            return new Finished(running().succeed(NOW));
        }).consume(validRecord());

        assertThat(calls).hasValue(2);
        assertThat(letters).isEmpty();
        assertThat(counter("artifacts.worker.jobs.finished", "status", "succeeded")).isEqualTo(1);
    }

    @Test
    void givenJobThatFails_consume_deadLettersTheRecordWithTheJobsErrorCode() throws Exception {
        consumer(request -> new Finished(failed("content_sha256_mismatch"))).consume(validRecord());

        assertThat(letters).containsExactly(new Letter("content_sha256_mismatch", "it failed", JOB));
        assertThat(counter("artifacts.worker.jobs.finished", "status", "failed")).isEqualTo(1);
    }

    @Test
    void givenJobFailedEarlier_consume_deadLettersTheRecordAgainButCountsNoNewFailure() throws Exception {
        consumer(request -> new AlreadyFinished(failed("attempts_exhausted"))).consume(validRecord());

        assertThat(letters).extracting(Letter::reason).containsExactly("attempts_exhausted");
        assertThat(counter("artifacts.worker.jobs.finished", "status", "failed")).isZero();
    }

    @Test
    void givenOutcomesThatAreNotFailures_consume_deadLettersNothing() throws Exception {
        List<Outcome> outcomes = List.of(new AlreadyFinished(running().succeed(NOW)),
                new RetryScheduled(running().retryAt(NOW.plusSeconds(1), new FailureReason("x_unavailable", "x"), NOW),
                        NOW.plusSeconds(1)),
                new LeaseHeldElsewhere(running()));
        for (Outcome outcome : outcomes) {
            consumer(request -> outcome).consume(validRecord());
        }

        assertThat(letters).isEmpty();
        assertThat(registry.find("artifacts.worker.job.retries").counter().count()).isEqualTo(1);
    }

    @Test
    void givenDeadLetterTopicUnavailableForAWhile_consume_sendsTheDeadLetterAgainUntilAcknowledged() throws Exception {
        sendFailuresLeft.set(2);

        consumer(request -> new Finished(failed("staged_content_missing"))).consume(validRecord());

        assertThat(letters).extracting(Letter::reason).containsExactly("staged_content_missing");
        assertThat(sendFailuresLeft.get()).isNegative();
    }

    @Test
    void givenRecordWithoutValue_consume_deadLettersItAsUnreadableWithoutProcessing() throws Exception {
        consumer(request -> {
            throw new AssertionError("not to be processed");
        }).consume(record(null));

        assertThat(letters).extracting(Letter::reason).containsExactly("unreadable_message");
    }

    @Test
    void givenJsonObjectHoldingAKeyTwice_consume_deadLettersItAsInvalidWithoutProcessing() throws Exception {
        String external = "{\"schema_version\":1,\"request_id\":\"r-1\",\"space_id\":\"%s\",\"name\":\"a\",\"name\":\"b\",\"type\":\"document\",\"content_base64\":\"SGk=\"}"
                .formatted(SPACE);
        String nested = "{\"schema_version\":1,\"request_id\":\"r-2\",\"space_id\":\"%s\",\"name\":\"a\",\"type\":\"document\",\"content_ref\":{\"object_key\":\"incoming/a\",\"object_key\":\"incoming/b\"}}"
                .formatted(SPACE);
        String api = validRecordValue().replace("{", "{\"job_id\":\"" + UUID.randomUUID() + "\",");

        for (String value : List.of(external, nested, api)) {
            consumer(request -> {
                throw new AssertionError("not to be processed");
            }).consume(record(value));
        }

        assertThat(letters).extracting(Letter::reason).containsExactly("invalid_message", "invalid_message", "invalid_message");
        assertThat(letters).extracting(Letter::message).allSatisfy(message -> assertThat(message).contains("twice"));
    }

    @Test
    void givenJsonThatIsBrokenAndHoldsAKeyTwice_consume_deadLettersItAsUnreadable() throws Exception {
        consumer(request -> {
            throw new AssertionError("not to be processed");
        }).consume(record("{\"name\":\"a\",\"name\":\"b\""));

        assertThat(letters).extracting(Letter::reason).containsExactly("unreadable_message");
    }

    @Test
    void givenJsonNull_consume_deadLettersItAsInvalid() throws Exception {
        consumer(request -> {
            throw new AssertionError("not to be processed");
        }).consume(record("null"));

        assertThat(letters).extracting(Letter::reason).containsExactly("invalid_message");
    }
}
