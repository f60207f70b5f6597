package com.aimabledocs.artifacts.adapters.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "artifacts")
public interface ApiConfig {

    Api api();

    Jobs jobs();

    Bootstrap bootstrap();

    interface Api {

        /** Largest accepted request body in bytes; larger ones get 413 before they are read. */
        @WithDefault("134217728")
        long maxBodyBytes();
    }

    interface Jobs {

        /** Attempts a generation job gets before it fails for good. */
        @WithDefault("5")
        int maxAttempts();
    }

    /** A space and key to make sure of at start (local runs, first deployment). Both or neither. */
    interface Bootstrap {

        Optional<String> spaceId();

        Optional<String> apiKey();
    }
}
