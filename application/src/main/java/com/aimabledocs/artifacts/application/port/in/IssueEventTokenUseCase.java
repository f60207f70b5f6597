package com.aimabledocs.artifacts.application.port.in;

import com.aimabledocs.artifacts.domain.access.EventToken;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.space.SpaceId;

/** Issues a short-lived, read-only token for one space's event stream to a key that may read the space. */
public interface IssueEventTokenUseCase {

    EventToken.Issued issue(Principal principal, SpaceId spaceId);
}
