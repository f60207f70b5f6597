package com.aimabledocs.artifacts.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final SpaceId SPACE = SpaceId.of(UUID.randomUUID());
    private static final Principal READER = new Principal(ApiKeyId.of(UUID.randomUUID()), SPACE,
            Set.of(Scope.ARTIFACTS_READ, Scope.ARTIFACTS_WRITE));

    @Test
    void givenReader_issue_givesAReadOnlyTokenOfTheSpaceStoredOnlyAsItsHash() {
        EventToken.Issued issued = EventToken.issue(READER, SPACE, Duration.ofMinutes(5), NOW, new SecureRandom());

        assertThat(EventToken.isWellFormed(issued.secret())).isTrue();
        assertThat(issued.token().hash()).isEqualTo(EventToken.hashOf(issued.secret())).doesNotContain(issued.secret());
        assertThat(issued.token().expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(issued.token().principal().scopes()).containsExactly(Scope.ARTIFACTS_READ);
        assertThat(issued.token().isValidAt(NOW.plus(Duration.ofMinutes(5)))).isFalse();
        assertThat(issued.toString()).doesNotContain(issued.secret());
    }

    @Test
    void givenKeyWithoutReadScopeOrOfAnotherSpace_issue_isRefused() {
        Principal writer = new Principal(READER.keyId(), SPACE, Set.of(Scope.ARTIFACTS_WRITE));

        assertThatThrownBy(() -> EventToken.issue(writer, SPACE, Duration.ofMinutes(1), NOW, new SecureRandom()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> EventToken.issue(READER, SpaceId.of(UUID.randomUUID()), Duration.ofMinutes(1), NOW,
                new SecureRandom())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> EventToken.issue(READER, SPACE, Duration.ofMinutes(6), NOW, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
