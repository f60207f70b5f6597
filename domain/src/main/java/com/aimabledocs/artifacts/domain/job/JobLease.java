package com.aimabledocs.artifacts.domain.job;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A running job's claim by one worker: only {@code owner} may finish the job, and only until
 * {@code expiresAt} unless it renews the lease first. A lease that ran out means its worker stopped (it
 * died, hung or lost the database), and the job may be taken back and tried again.
 *
 * @param owner the worker instance holding the job (an opaque identifier, unique per process)
 */
public record JobLease(String owner, Instant expiresAt) {

    public static final int MAX_OWNER_LENGTH = 200;

    public JobLease {
        if (owner == null || owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
            throw new InvalidValueException("lease_owner",
                    "a lease owner is 1 to " + MAX_OWNER_LENGTH + " characters, not blank");
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isHeldBy(String worker) {
        return owner.equals(worker);
    }

    /** Whether the lease ran out at {@code now}; a lease expiring exactly now has run out. */
    public boolean hasExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
