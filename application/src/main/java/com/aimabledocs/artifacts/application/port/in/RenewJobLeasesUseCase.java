package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.job.JobId;
import java.util.List;

/**
 * Keeps the jobs this worker is running alive: extends the lease of each, well before it runs out. Run
 * periodically (a fraction of the lease duration apart) while the worker works.
 */
public interface RenewJobLeasesUseCase {

    Renewal renewHeldLeases();

    /** @param lost jobs whose lease this worker no longer holds: another worker or the sweeper took them */
    record Renewal(int renewed, List<JobId> lost) {

        public Renewal {
            lost = List.copyOf(lost);
        }
    }
}
