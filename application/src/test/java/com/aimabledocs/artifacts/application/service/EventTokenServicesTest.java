package com.aimabledocs.artifacts.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.inmemory.InMemoryPorts;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.EventToken;
import com.aimabledocs.artifacts.domain.access.Principal;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.access.UnauthenticatedException;
import com.aimabledocs.artifacts.domain.port.EventTokenStore;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issuing an event token and authenticating with it, on a map standing in for the token table. */
class EventTokenServicesTest {

    private final InMemoryPorts ports = new InMemoryPorts();
    private final MapTokenStore store = new MapTokenStore();
    private final IssueEventTokenService issue = new IssueEventTokenService(store, ports.unitOfWork, ports.clock,
            new SecureRandom(), Duration.ofMinutes(5));
    private final AuthenticateEventTokenService authenticate = new AuthenticateEventTokenService(store,
            ports.unitOfWork, ports.clock);
    private final SpaceId space = SpaceId.of(UUID.randomUUID());
    private final Principal reader = new Principal(ApiKeyId.of(UUID.randomUUID()), space,
            Set.of(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE));

    @Test
    void givenIssuedToken_authenticate_givesAReadOnlyPrincipalOfTheSpaceUntilItExpires() {
        EventToken.Issued issued = issue.issue(reader, space);

        Principal principal = authenticate.authenticate(issued.secret());

        assertThat(principal.spaceId()).isEqualTo(space);
        assertThat(principal.keyId()).isEqualTo(reader.keyId());
        assertThat(principal.scopes()).containsExactly(Scope.ARTIFACTS_READ);
        ports.clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> authenticate.authenticate(issued.secret())).isInstanceOf(UnauthenticatedException.class);
    }

    @Test
    void givenMalformedOrUnknownToken_authenticate_refusesAlike() {
        assertThatThrownBy(() -> authenticate.authenticate(null)).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> authenticate.authenticate("ak_live_not_a_token")).isInstanceOf(UnauthenticatedException.class);
        assertThatThrownBy(() -> authenticate.authenticate("evt_" + "A".repeat(43))).isInstanceOf(UnauthenticatedException.class);
    }

    private static final class MapTokenStore implements EventTokenStore {

        private final Map<String, EventToken> byHash = new HashMap<>();

        @Override
        public void add(EventToken token) {
            byHash.put(token.hash(), token);
        }

        @Override
        public Optional<EventToken> findActive(String hash) {
            return Optional.ofNullable(byHash.get(hash));
        }

        @Override
        public int purgeExpired(Instant now, int limit) {
            return 0;
        }
    }
}
