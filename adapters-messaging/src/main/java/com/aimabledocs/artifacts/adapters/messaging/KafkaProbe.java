package com.aimabledocs.artifacts.adapters.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether a broker answers a cluster metadata request within a few seconds: the one Kafka reachability test
 * behind {@link KafkaReadinessCheck} and {@link OutboxRelayHealthCheck}. One admin client per process.
 */
@ApplicationScoped
public class KafkaProbe {

    static final int TIMEOUT_MS = 3000;

    /** The cluster's ID when a broker answered, else the simple name of the error. */
    record Result(Optional<String> clusterId, Optional<String> error) {

        boolean reachable() {
            return clusterId.isPresent();
        }
    }

    private final Admin admin;

    /**
     * @param kafka every {@code kafka.*} setting (bootstrap servers and the security settings: protocol,
     *              SASL, trust store), as the messaging channels get them
     */
    KafkaProbe(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "artifacts-readiness");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.admin = Admin.create(config);
    }

    Result probe() {
        try {
            String clusterId = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .clusterId().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS);
            return new Result(Optional.of(clusterId), Optional.empty());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the admin client's own error (a timeout, an authentication failure), not the future's wrapper
            Throwable error = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return new Result(Optional.empty(), Optional.of(error.getClass().getSimpleName()));
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
