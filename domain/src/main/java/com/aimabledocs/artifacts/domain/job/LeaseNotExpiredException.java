package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.DomainException;
import java.time.Instant;

/** A running job was to be taken back from its worker while that worker's lease still held. */
public final class LeaseNotExpiredException extends DomainException {

    public LeaseNotExpiredException(JobId job, Instant expiresAt) {
        super("lease_not_expired", "the lease on job %s holds until %s".formatted(job, expiresAt));
    }
}
