package com.aimabledocs.artifacts.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCursorTest {

    @Test
    void givenCursor_toStringAndParse_roundTrip() {
        EventCursor cursor = new EventCursor(28173, 5121);

        assertThat(cursor.toString()).isEqualTo("28173-5121");
        assertThat(EventCursor.parse("28173-5121")).isEqualTo(cursor);
    }

    @Test
    void cursors_orderByTransactionThenSequence() {
        assertThat(new EventCursor(2, 1).isAfter(new EventCursor(1, 99))).isTrue();
        assertThat(new EventCursor(2, 2).isAfter(new EventCursor(2, 1))).isTrue();
        assertThat(new EventCursor(2, 2).isAfter(new EventCursor(2, 2))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1-", "-1-2", "a-b", "1-2-3", "99999999999999999999-1", " 1-2", "1-2\n"})
    void givenMalformedCursor_parse_isRefusedAsInvalidAfter(String value) {
        assertThatThrownBy(() -> EventCursor.parse(value)).isInstanceOf(InvalidValueException.class)
                .hasFieldOrPropertyWithValue("code", "invalid_after");
    }
}
