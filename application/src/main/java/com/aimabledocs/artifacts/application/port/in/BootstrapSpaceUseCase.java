package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.space.SpaceId;

/** Makes sure a configured space exists and a configured key may read and write it. Idempotent. */
public interface BootstrapSpaceUseCase {

    void ensure(SpaceId spaceId, String apiKeySecret);
}
