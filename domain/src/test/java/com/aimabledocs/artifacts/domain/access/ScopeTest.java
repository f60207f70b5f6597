package com.aimabledocs.artifacts.domain.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @Test
    void wireNames_areTheDocumentedOnes() {
        assertThat(Scope.ARTIFACTS_READ.wireName()).isEqualTo("artifacts:read");
        assertThat(Scope.ARTIFACTS_WRITE.wireName()).isEqualTo("artifacts:write");
    }

    @ParameterizedTest
    @EnumSource
    void wireName_roundTrips(Scope scope) {
        assertThat(Scope.fromWireName(scope.wireName())).isEqualTo(scope);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ARTIFACTS_READ", "artifacts:admin", "artifacts:*"})
    void givenUnknownScope_fromWireName_isRefusedAsInvalidScope(String text) {
        assertThatThrownBy(() -> Scope.fromWireName(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_scope"));
    }
}
