package com.aimabledocs.artifacts.domain.access;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.NotFoundException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrincipalTest {

    private static final SpaceId OTHER_SPACE = SpaceId.of(TestIds.next());

    @ParameterizedTest
    @EnumSource
    void givenOwnSpaceAndScope_authorize_passes(Scope scope) {
        Principal principal = aPrincipal().withScopes(scope).build();

        assertThatCode(() -> principal.authorize(DEFAULT_SPACE, scope)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource
    void givenOtherSpace_authorize_isRefusedAsNotFound(Scope scope) {
        Principal principal = aPrincipal().build();

        assertThatThrownBy(() -> principal.authorize(OTHER_SPACE, scope))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.code()).isEqualTo("not_found"))
                .hasMessageContaining(OTHER_SPACE.toString());
    }

    @Test
    void givenOtherSpaceAndMissingScope_authorize_stillSaysNotFoundSoNoSpaceIsRevealed() {
        Principal principal = aPrincipal().readOnly().build();

        assertThatThrownBy(() -> principal.authorize(OTHER_SPACE, Scope.ARTIFACTS_WRITE))
                .isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void givenReadOnlyKey_authorizeWrite_isRefusedAsForbidden() {
        Principal principal = aPrincipal().readOnly().build();

        assertThatThrownBy(() -> principal.authorize(DEFAULT_SPACE, Scope.ARTIFACTS_WRITE))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"))
                .hasMessageContaining("artifacts:write");
    }

    @Test
    void givenWriteOnlyKey_authorizeRead_isRefusedAsForbidden() {
        Principal principal = aPrincipal().writeOnly().build();

        assertThatThrownBy(() -> principal.authorize(DEFAULT_SPACE, Scope.ARTIFACTS_READ))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("forbidden"));
    }

    @Test
    void scopes_areCopiedAndImmutable() {
        Set<Scope> scopes = EnumSet.of(Scope.ARTIFACTS_READ);
        Principal principal = new Principal(ApiKeyId.of(TestIds.next()), DEFAULT_SPACE, scopes);
        scopes.add(Scope.ARTIFACTS_WRITE);

        assertThat(principal.scopes()).containsExactly(Scope.ARTIFACTS_READ);
        assertThatThrownBy(() -> principal.scopes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void givenMissingKeyOrSpace_principal_isRefused() {
        assertThatThrownBy(() -> new Principal(null, DEFAULT_SPACE, Set.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Principal(ApiKeyId.of(TestIds.next()), null, Set.of()))
                .isInstanceOf(NullPointerException.class);
    }
}
