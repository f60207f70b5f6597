package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.Space;

/** Creates a new, empty space with a server-made ID. Admins only. */
public interface CreateSpaceUseCase {

    /** A space with the default media type policy. */
    default Space create(AdminPrincipal admin, String name) {
        return create(admin, name, MediaTypePolicy.DEFAULT);
    }

    /** @throws com.aimabledocs.artifacts.domain.shared.InvalidValueException {@code invalid_name} */
    Space create(AdminPrincipal admin, String name, MediaTypePolicy mediaTypePolicy);
}
