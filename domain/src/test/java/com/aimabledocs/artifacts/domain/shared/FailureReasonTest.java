package com.aimabledocs.artifacts.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FailureReasonTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "staged_content_missing", "s3_unavailable",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void givenSnakeCaseCode_failureReason_isAccepted(String code) {
        FailureReason reason = new FailureReason(code, "why");

        assertThat(reason.code()).isEqualTo(code);
        assertThat(reason.message()).isEqualTo("why");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "object-store_unavailable", "1st", "_leading", "with space",
            "a2345678901234567890123456789012345678901234567890123456789012345"})
    void givenCodeThatIsNotSnakeCase_failureReason_isRefusedAsInvalidErrorCode(String code) {
        assertThatThrownBy(() -> new FailureReason(code, "why"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_error_code"));
    }

    @Test
    void givenVeryLongMessage_failureReason_keepsItsFirst1000Characters() {
        String message = "x".repeat(999) + "yz" + "w".repeat(500);

        FailureReason reason = new FailureReason("boom", message);

        assertThat(reason.message()).hasSize(1000).endsWith("xy");
    }

    @Test
    void givenNulls_failureReason_isRefused() {
        assertThatThrownBy(() -> new FailureReason(null, "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FailureReason("c", null)).isInstanceOf(NullPointerException.class);
    }
}
