package com.aimabledocs.artifacts.adapters.persistence;

import static com.aimabledocs.artifacts.adapters.persistence.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.access.ApiKeySecret;
import com.aimabledocs.artifacts.domain.access.EventToken;
import com.aimabledocs.artifacts.domain.access.Scope;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.port.EventTokenStore;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JdbcEventTokenStoreTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EventTokenStore tokens;

    @Inject
    ApiKeyRepository keys;

    @Inject
    SpaceRepository spaces;

    @Inject
    UnitOfWork unitOfWork;

    @Test
    void givenTokenOfAnActiveKey_findActive_returnsItUntilTheKeyIsRevoked() {
        ApiKey key = newKey();
        EventToken.Issued issued = EventToken.issue(new com.aimabledocs.artifacts.domain.access.Principal(key.id(),
                key.spaceId(), key.scopes()), key.spaceId(), Duration.ofMinutes(5), T0, RANDOM);
        unitOfWork.inTransaction(() -> tokens.add(issued.token()));

        assertThat(unitOfWork.read(() -> tokens.findActive(EventToken.hashOf(issued.secret()))))
                .contains(issued.token());
        assertThat(unitOfWork.read(() -> tokens.findActive(EventToken.hashOf("evt_" + "x".repeat(43))))).isEmpty();

        unitOfWork.inTransaction(() -> keys.update(key.revoke(T0.plusSeconds(1))));
        assertThat(unitOfWork.read(() -> tokens.findActive(issued.token().hash()))).as("dies with its key").isEmpty();
    }

    @Test
    void purgeExpired_deletesOnlyTokensExpiredBeforeNow() {
        ApiKey key = newKey();
        var principal = new com.aimabledocs.artifacts.domain.access.Principal(key.id(), key.spaceId(), key.scopes());
        EventToken expired = EventToken.issue(principal, key.spaceId(), Duration.ofMinutes(1), T0, RANDOM).token();
        EventToken live = EventToken.issue(principal, key.spaceId(), Duration.ofMinutes(5), T0, RANDOM).token();
        unitOfWork.inTransaction(() -> {
            tokens.add(expired);
            tokens.add(live);
        });

        unitOfWork.inTransaction(() -> tokens.purgeExpired(T0.plusSeconds(120), 1000));

        assertThat(unitOfWork.read(() -> tokens.findActive(expired.hash()))).isEmpty();
        assertThat(unitOfWork.read(() -> tokens.findActive(live.hash()))).contains(live);
    }

    private ApiKey newKey() {
        SpaceId space = Fixtures.newSpace(unitOfWork, spaces);
        ApiKey key = ApiKey.issue(ApiKeyId.of(UUID.randomUUID()), space, ApiKeySecret.generate(RANDOM),
                Set.of(Scope.ARTIFACTS_READ), T0);
        unitOfWork.inTransaction(() -> keys.add(key));
        return key;
    }
}
