package com.aimabledocs.artifacts.domain.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SpaceTest {

    private static final SpaceId ID = SpaceId.of(TestIds.next());
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    @Test
    void givenNameOf1To200Characters_space_isAccepted() {
        assertThat(new Space(ID, "x", NOW).name()).isEqualTo("x");
        assertThat(new Space(ID, "x".repeat(200), NOW).name()).hasSize(200);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void givenBlankName_space_isRefusedAsInvalidName(String name) {
        assertThatThrownBy(() -> new Space(ID, name, NOW))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_name"));
    }

    @Test
    void givenNameOf201Characters_space_isRefused() {
        assertThatThrownBy(() -> new Space(ID, "x".repeat(201), NOW)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenMissingIdOrTime_space_isRefused() {
        assertThatThrownBy(() -> new Space(null, "x", NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Space(ID, "x", null)).isInstanceOf(NullPointerException.class);
    }
}
