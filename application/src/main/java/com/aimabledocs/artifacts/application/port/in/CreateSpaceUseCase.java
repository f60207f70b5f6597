package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.AdminPrincipal;
import com.aimabledocs.artifacts.domain.space.Space;

/** Creates a new, empty space with a server-made ID. Admins only. */
public interface CreateSpaceUseCase {

    /** @throws com.aimabledocs.artifacts.domain.shared.InvalidValueException {@code invalid_name} */
    Space create(AdminPrincipal admin, String name);
}
