package com.aimabledocs.artifacts.adapters.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "artifacts.messaging")
public interface MessagingConfig {

    /** Topic of generation requests, written by the API (through the outbox) and by other producers. */
    @WithDefault("artifacts.generation-requests.v1")
    String generationRequestsTopic();

    /**
     * Topic where the worker puts the requests it could not, or may not, process: unreadable or invalid
     * messages, requests for unknown jobs, and the requests of jobs that failed. The original value, with
     * the reason in headers.
     */
    @WithDefault("artifacts.generation-requests.dlq.v1")
    String deadLetterTopic();

    /** Topic of job and artifact lifecycle events, written through the outbox. */
    @WithDefault("artifacts.events.v1")
    String eventsTopic();

    Relay relay();

    /**
     * How often the outbox backlog gauges ({@code artifacts_outbox_unsent_rows},
     * {@code artifacts_outbox_oldest_unsent_age_seconds}) are refreshed by one small query; a scrape only
     * reads the last values. Read by {@link OutboxBacklogMetrics}'s schedule.
     */
    @WithDefault("15s")
    Duration backlogPollEvery();

    Outbox outbox();

    /** How long sent outbox rows are kept, and how {@link OutboxPurge} deletes them afterwards. */
    interface Outbox {

        /**
         * How long a row is kept after it was sent (only to help debugging); then the purge deletes it. Unsent
         * rows are never purged, however old.
         */
        @WithDefault("24h")
        Duration retention();

        /** How often the purge runs; read by {@link OutboxPurge}'s schedule. */
        @WithDefault("10m")
        Duration purgeEvery();

        /** Rows deleted per statement (and transaction); a purge repeats them until none is left. */
        @WithDefault("5000")
        int purgeBatchSize();
    }

    interface Relay {

        /** Whether this process relays outbox rows to Kafka. Any number of replicas may. */
        @WithDefault("true")
        boolean enabled();

        /** Rows claimed and sent per transaction. */
        @WithDefault("200")
        int batchSize();

        /**
         * Whether the committing thread sends its rows to Kafka right after the commit ({@link OutboxDirectSender}),
         * leaving the relay only the rows that path missed, once they are {@link #directGrace()} old. Off: every row
         * goes through the relay, which each commit wakes.
         */
        @WithDefault("true")
        boolean directSend();

        /**
         * With {@link #directSend()}, how long a row is left to the transaction that wrote it before the relay sends
         * it: longer than the producer's delivery timeout, so that the two do not both send a row whose
         * acknowledgement is merely slow. Also how late a row is after its direct send failed.
         */
        @WithDefault("15s")
        Duration directGrace();

        /**
         * How long the relay sleeps when nothing wakes it. With direct sending off, a commit that appends a row
         * wakes it at once, so this only bounds the delay for rows written by another replica.
         */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How long a batch may wait for the broker's acknowledgements before it is retried. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** Longest pause between attempts while the broker is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();

        /**
         * {@link OutboxRelayHealthCheck} reports the relay degraded (DOWN) once the oldest unsent outbox row is
         * older than this, or at once while Kafka is unreachable.
         */
        @WithDefault("60s")
        Duration degradedAfter();
    }
}
