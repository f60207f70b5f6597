package com.aimabledocs.artifacts.domain.access;

import com.aimabledocs.artifacts.domain.artifact.ArtifactTestData;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.EnumSet;
import java.util.Set;

/** Callers for tests: {@code aPrincipal().inSpace(space).withScopes(ARTIFACTS_READ).build()}. */
public final class AccessTestData {

    /** A well-formed secret; its SHA-256 is {@link #DEFAULT_SECRET_SHA256}. */
    public static final String DEFAULT_SECRET = "ak_test_0123456789abcdef";
    public static final String DEFAULT_SECRET_SHA256 = "f2d0516f4fc72d987e7667406fe872b78adc5a7e9d7bb753e2edaa9d2082e37a";

    private AccessTestData() {
    }

    public static PrincipalBuilder aPrincipal() {
        return new PrincipalBuilder();
    }

    public static final class PrincipalBuilder {

        private ApiKeyId keyId = ApiKeyId.of(TestIds.next());
        private SpaceId spaceId = ArtifactTestData.DEFAULT_SPACE;
        private Set<Scope> scopes = EnumSet.allOf(Scope.class);

        private PrincipalBuilder() {
        }

        public PrincipalBuilder withKeyId(ApiKeyId keyId) {
            this.keyId = keyId;
            return this;
        }

        public PrincipalBuilder inSpace(SpaceId spaceId) {
            this.spaceId = spaceId;
            return this;
        }

        public PrincipalBuilder withScopes(Scope first, Scope... rest) {
            this.scopes = EnumSet.of(first, rest);
            return this;
        }

        public PrincipalBuilder readOnly() {
            return withScopes(Scope.ARTIFACTS_READ);
        }

        public PrincipalBuilder writeOnly() {
            return withScopes(Scope.ARTIFACTS_WRITE);
        }

        public Principal build() {
            return new Principal(keyId, spaceId, scopes);
        }
    }
}
