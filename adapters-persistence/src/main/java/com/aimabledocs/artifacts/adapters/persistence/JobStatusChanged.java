package com.aimabledocs.artifacts.adapters.persistence;

import com.aimabledocs.artifacts.domain.job.Job;
import com.aimabledocs.artifacts.domain.job.JobStatus;
import java.util.Optional;

/**
 * CDI event fired inside the transaction that stored a job in a new status (or stored a new job). Status
 * changes are seen where they are written, so no use case can change a status without the event, and an
 * observer that writes to the outbox commits or rolls back with the change itself.
 */
public record JobStatusChanged(Job job, Optional<JobStatus> previous) {
}
