package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.job.GenerationRequest;
import com.aimabledocs.artifacts.domain.job.Job;
import java.time.Instant;

/** The worker's side: store a request's staged bytes as the artifact's content and finish its job. */
public interface ProcessGenerationRequestUseCase {

    /**
     * Safe to call twice with the same request: a finished job is left as it is, and a job another worker
     * holds is left to that worker. Never waits for a retry: a job that must wait is left queued with its
     * retry time, for the sweeper ({@link RedriveStaleJobsUseCase}) to send its request again.
     */
    Outcome process(GenerationRequest request);

    sealed interface Outcome {
    }

    /** The job ended (succeeded or failed) in this call. */
    record Finished(Job job) implements Outcome {
    }

    /** The job was already final: a duplicate delivery, nothing changed. */
    record AlreadyFinished(Job job) implements Outcome {
    }

    /**
     * A transient failure in this call queued the job again for a retry at {@code retryAt}. Its request
     * will be sent again when the time comes.
     */
    record RetryScheduled(Job job, Instant retryAt) implements Outcome {
    }

    /**
     * The job was already waiting for a retry time still ahead (a duplicate delivery of its request):
     * nothing changed, the request will be sent again when the time comes.
     */
    record WaitingForRetry(Job job) implements Outcome {
    }

    /**
     * Another worker holds the job's lease (or held it and stopped: the sweeper takes it back once the
     * lease expires), or this worker's own lease was lost while it worked: nothing was recorded here.
     */
    record LeaseHeldElsewhere(Job job) implements Outcome {
    }

    /** No such job exists, or it belongs to another artifact or space than the request says. */
    record UnknownJob() implements Outcome {
    }
}
