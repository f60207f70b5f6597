package com.aimabledocs.artifacts.worker;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "artifacts.worker")
public interface WorkerConfig {

    /** First retry delay ceiling after a transient failure; it doubles per attempt, with full jitter. */
    @WithDefault("1s")
    Duration retryBase();

    /** Largest retry delay. */
    @WithDefault("60s")
    Duration retryCap();

    /** Pause between attempts to reach the database while it is down. */
    @WithDefault("2s")
    Duration unavailableBackoff();
}
