package com.aimabledocs.artifacts.adapters.storage;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the bucket answers: without storage neither service can do its work. */
@Readiness
@ApplicationScoped
public class StorageReadinessCheck implements HealthCheck {

    private final S3ObjectStore store;

    StorageReadinessCheck(S3ObjectStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.checkReachable();
            return HealthCheckResponse.up("object-storage");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("object-storage").down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
