package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.adapters.messaging.GenerationRequestMessage;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.Outcome;
import com.aimabledocs.artifacts.application.port.in.ProcessGenerationRequestUseCase.RetryScheduled;
import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.shared.ConcurrentUpdateException;
import com.aimabledocs.artifacts.domain.shared.DomainException;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes generation requests. The offset of a message is committed only after this method returns,
 * that is after the database recorded the job's outcome: a crash at any point means redelivery, and the
 * use case makes redelivery harmless. Records are processed in order per consumer (so two deliveries of
 * one artifact's request never race); {@code concurrency} runs several consumers over the partitions.
 */
@ApplicationScoped
public class GenerationRequestConsumer {

    private static final Logger LOG = Logger.getLogger(GenerationRequestConsumer.class);

    private final ProcessGenerationRequestUseCase process;
    private final ObjectMapper json;
    private final WorkerConfig config;
    private volatile boolean stopping;

    GenerationRequestConsumer(ProcessGenerationRequestUseCase process, ObjectMapper json, WorkerConfig config) {
        this.process = process;
        this.json = json;
        this.config = config;
    }

    @Incoming("generation-requests")
    @Blocking
    public void consume(String payload) throws InterruptedException {
        GenerationRequest request;
        try {
            request = json.readValue(payload, GenerationRequestMessage.class).toDomain();
        } catch (JsonProcessingException | DomainException | NullPointerException e) {
            LOG.errorf("skipping a generation request that cannot be read: %s", e.getMessage());
            return;
        }
        while (!stopping) {
            try {
                Outcome outcome = process.process(request);
                if (outcome instanceof RetryScheduled retry) {
                    LOG.infof("job %s hit a transient failure; attempt %d retries at %s", retry.job().id(),
                            retry.job().attempt() + 1, retry.retryAt());
                    sleepUntil(retry.retryAt());
                    continue;
                }
                LOG.debugf("job %s: %s", request.jobId(), outcome);
                return;
            } catch (ConcurrentUpdateException e) {
                LOG.debugf("job %s was changed concurrently; reading it again", request.jobId());
            } catch (UnavailableException e) {
                LOG.warnf("job %s waits: %s", request.jobId(), e.getMessage());
                Thread.sleep(config.unavailableBackoff().toMillis());
            } catch (RuntimeException e) {
                // Never acknowledge a message whose job did not reach a recorded state: retry, loudly.
                LOG.errorf(e, "job %s failed unexpectedly; retrying", request.jobId());
                Thread.sleep(config.unavailableBackoff().toMillis());
            }
        }
        throw new IllegalStateException("worker stopping; job " + request.jobId() + " will be redelivered");
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private static void sleepUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
