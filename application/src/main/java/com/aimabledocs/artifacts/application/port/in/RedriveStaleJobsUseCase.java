package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.job.Job;
import java.util.List;

/**
 * The sweeper: makes sure no job stays queued or running for ever. Takes back running jobs whose lease
 * expired (their worker died or hung), and sends the request of queued jobs again when their retry time
 * has come or when they have waited so long that their request must have been lost. Any number of
 * workers may sweep at once; each job is handled by one of them.
 */
public interface RedriveStaleJobsUseCase {

    Sweep sweep();

    /**
     * @param redriven     queued jobs whose request was sent again
     * @param takenBack    running jobs whose lease expired, queued again for a retry
     * @param failed       running jobs whose lease expired on their last attempt, failed as
     *                     {@code attempts_exhausted} (their request is sent once more, so that the worker
     *                     receiving it dead-letters it)
     */
    record Sweep(List<Job> redriven, List<Job> takenBack, List<Job> failed) {

        public Sweep {
            redriven = List.copyOf(redriven);
            takenBack = List.copyOf(takenBack);
            failed = List.copyOf(failed);
        }

        public boolean isEmpty() {
            return redriven.isEmpty() && takenBack.isEmpty() && failed.isEmpty();
        }
    }
}
