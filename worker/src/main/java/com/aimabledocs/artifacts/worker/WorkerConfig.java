package com.aimabledocs.artifacts.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "artifacts.worker")
public interface WorkerConfig {

    /** First retry delay ceiling after a transient failure; it doubles per attempt, with full jitter. */
    /** Attempts a job created from another producer's request gets (the API's jobs carry their own). */
    @WithDefault("5")
    int externalJobMaxAttempts();

    @WithDefault("1s")
    Duration retryBase();

    /** Largest retry delay. */
    @WithDefault("60s")
    Duration retryCap();

    /** Pause between attempts to reach the database while it is down. */
    @WithDefault("2s")
    Duration unavailableBackoff();

    /**
     * How long a job's lease holds without renewal. The worker renews the leases of its jobs every third
     * of it; a job whose worker died is taken back by a sweeper once it expires.
     */
    @WithDefault("30s")
    Duration leaseDuration();

    /** How often this worker sweeps for jobs to re-drive (retry time come, request lost, lease expired). */
    @WithDefault("5s")
    Duration sweepEvery();

    /**
     * How long a queued job may go untouched (no retry time set) before its request is taken for lost and
     * sent again. Longer than a request normally takes to reach a worker, including the consumer group's
     * rebalances.
     */
    @WithDefault("2m")
    Duration queuedStaleAfter();

    /** Jobs claimed per sweep transaction. */
    @WithDefault("100")
    int sweepBatchSize();

    /** This worker's identity in job leases; by default the host name and a random suffix, new per start. */
    Optional<String> instanceId();

    /**
     * On SIGTERM, how long the jobs in progress may take to finish as usual; each still running after that is
     * handed back (queued again, its request sent again) for another worker to run at once.
     */
    @WithDefault("5s")
    Duration shutdownGrace();

    /** How long a dead letter may wait for the broker's acknowledgement before it is sent again. */
    @WithDefault("10s")
    Duration deadLetterTimeout();
}
