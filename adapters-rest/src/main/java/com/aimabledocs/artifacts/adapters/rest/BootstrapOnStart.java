package com.aimabledocs.artifacts.adapters.rest;

import com.aimabledocs.artifacts.application.port.in.BootstrapSpaceUseCase;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Applies {@code ARTIFACTS_BOOTSTRAP_SPACE_ID} and {@code ARTIFACTS_BOOTSTRAP_API_KEY} at start: the space
 * exists afterwards and the key (stored hashed) may read and write it.
 */
@ApplicationScoped
public class BootstrapOnStart {

    private static final Logger LOG = Logger.getLogger(BootstrapOnStart.class);

    void onStart(@Observes StartupEvent event, ApiConfig config, BootstrapSpaceUseCase bootstrap) {
        var settings = config.bootstrap();
        if (settings.spaceId().isEmpty() && settings.apiKey().isEmpty()) {
            return;
        }
        if (settings.spaceId().isEmpty() || settings.apiKey().isEmpty()) {
            throw new IllegalStateException(
                    "set both ARTIFACTS_BOOTSTRAP_SPACE_ID and ARTIFACTS_BOOTSTRAP_API_KEY, or neither");
        }
        SpaceId space = SpaceId.parse(settings.spaceId().get());
        bootstrap.ensure(space, settings.apiKey().get());
        LOG.infof("bootstrap space %s is ready for its configured API key", space);
    }
}
