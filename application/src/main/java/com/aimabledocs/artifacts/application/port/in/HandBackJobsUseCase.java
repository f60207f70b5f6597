package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobId;
import java.util.List;

/**
 * A stopping worker gives back the jobs it still runs, so that another worker takes them at once instead of
 * after their lease expired: each is queued again (its unfinished attempt not counted) and its request sent
 * again, in one transaction per job. Run once, when the worker stops, after its processing had its grace to
 * finish; what is still processing then records nothing, as its lease is gone.
 */
public interface HandBackJobsUseCase {

    HandBack handBackHeldJobs();

    /**
     * @param handedBack the jobs queued again, their requests sent again
     * @param notHeld    held jobs this worker does not run under its lease any more (they finished meanwhile, or
     *                   were taken back), or does not run yet (claim not committed): left as they are
     * @param failed     jobs that could not be handed back now (the database unreachable, say): they keep their
     *                   lease, and a sweeper takes them back once it expires
     */
    record HandBack(List<Job> handedBack, List<JobId> notHeld, List<JobId> failed) {

        public HandBack {
            handedBack = List.copyOf(handedBack);
            notHeld = List.copyOf(notHeld);
            failed = List.copyOf(failed);
        }

        public boolean isEmpty() {
            return handedBack.isEmpty() && notHeld.isEmpty() && failed.isEmpty();
        }
    }
}
