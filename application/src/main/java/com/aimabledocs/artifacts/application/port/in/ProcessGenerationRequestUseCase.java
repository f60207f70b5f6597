package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import java.time.Instant;

/** The worker's side: store a request's staged bytes as the artifact's content and finish its job. */
public interface ProcessGenerationRequestUseCase {

    /** Safe to call twice with the same request: a finished job is left as it is. */
    Outcome process(GenerationRequest request);

    sealed interface Outcome {
    }

    /** The job ended (succeeded or failed) in this call. */
    record Finished(Job job) implements Outcome {
    }

    /** The job was already final: a duplicate delivery, nothing changed. */
    record AlreadyFinished(Job job) implements Outcome {
    }

    /** A transient failure; the job is queued again for {@code retryAt}. */
    record RetryScheduled(Job job, Instant retryAt) implements Outcome {
    }

    /** No such job exists, or it belongs to another artifact or space than the request says. */
    record UnknownJob() implements Outcome {
    }
}
