package com.aimabledocs.artifacts.adapters.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "artifacts")
public interface ApiConfig {

    Api api();

    Jobs jobs();

    Idempotency idempotency();

    Bootstrap bootstrap();

    Admin admin();

    Deletion deletion();

    Auth auth();

    Events events();

    Webhooks webhooks();

    /**
     * Every {@code artifacts.webhooks.*} key the API may be given. This mapping has the root {@code artifacts}, so a
     * key under it that no group maps stops the API at start; the last four are read by the adapters that use them
     * (adapters-webhooks, adapters-persistence) and are listed here so that they are known.
     */
    interface Webhooks {

        /** How many endpoints one space may have. */
        @WithDefault("50")
        int maxEndpointsPerSpace();

        /** How long a rotated-out secret keeps signing beside the new one. */
        @WithDefault("24h")
        Duration secretRotationOverlap();

        @WithDefault("false")
        boolean allowPrivateTargets();

        @WithDefault("20")
        int maxConnectionsPerRoute();

        @WithDefault("200")
        int maxConnections();

        Optional<String> encryptionKey();
    }

    interface Events {

        /** How long lifecycle events are kept for streams to resume from; an older cursor gets 410. */
        @WithDefault("7d")
        Duration retention();

        @WithDefault("10m")
        Duration purgeEvery();

        /** How long an event token lives (at most 5 minutes). */
        @WithDefault("5m")
        Duration tokenLifetime();

        /** How often this process looks for new events to send to its open streams. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** Events waiting for one slow stream at most; past that it is disconnected and resumes from its cursor. */
        @WithDefault("1000")
        int streamBuffer();

        /** How often an idle stream gets a comment line, so that proxies keep it open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** The reconnection delay sent to clients ({@code retry:}). */
        @WithDefault("3s")
        Duration clientRetry();
    }

    interface Auth {

        /**
         * How long a successful API-key look-up is remembered by this process (0 = never): a key revoked through
         * another replica keeps working here for at most this long; through this one it stops at once.
         */
        @WithDefault("500ms")
        Duration cacheTtl();
    }

    interface Deletion {

        /** How long a deleted artifact's bytes are kept before the purge removes them. */
        @WithDefault("7d")
        Duration grace();

        /** How often the purge runs; read by {@link DeletedArtifactPurge}'s schedule. */
        @WithDefault("10m")
        Duration purgeEvery();
    }

    interface Api {

        /** Largest accepted request body in bytes; larger ones get 413 before they are read. */
        @WithDefault("134217728")
        long maxBodyBytes();

        /**
         * Largest accepted {@code multipart/form-data} generate request in bytes (the whole body, file part
         * included); a larger declared Content-Length gets 413 before the body is read.
         */
        @WithDefault("2147483648")
        long maxUploadBytes();

        /** How long a presigned storage URL handed out by {@code download?redirect=true} stays valid. */
        @WithDefault("5m")
        Duration downloadRedirectTtl();
    }

    interface Jobs {

        /** Attempts a generation job gets before it fails for good. */
        @WithDefault("5")
        int maxAttempts();
    }

    interface Idempotency {

        /**
         * How long a completed Idempotency-Key is kept (counted from its first use), and how long after its
         * deadline an abandoned reservation is. The published promise: at least 24 hours.
         */
        @WithDefault("24h")
        Duration retention();

        /** How often the purge runs; read by {@link IdempotencyKeyPurge}'s schedule. */
        @WithDefault("10m")
        Duration purgeEvery();

        /**
         * How long a request holds its key before another request may take it over: longer than the
         * slowest upload of the largest accepted body.
         */
        @WithDefault("5m")
        Duration reservationLifetime();
    }

    /** A space and key to make sure of at start (local runs, first deployment). Both or neither. */
    interface Bootstrap {

        Optional<String> spaceId();

        Optional<String> apiKey();
    }

    /** The credential of the space and key administration API ({@code /v1/spaces…}). */
    interface Admin {

        /**
         * Comma-separated hex SHA-256 values of the admin secrets (several during a rotation); empty turns the
         * admin API off (every admin call answers 401). The secrets themselves are never configured.
         */
        Optional<String> keySha256();
    }
}
