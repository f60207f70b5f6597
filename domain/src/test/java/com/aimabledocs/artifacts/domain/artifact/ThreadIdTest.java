package com.aimabledocs.artifacts.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ThreadIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"t", "7", "thread-1", "org:acme.thread_42", "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
            "A.b:C-d_E"})
    void givenOpaqueToken_threadId_isAccepted(String value) {
        assertThat(new ThreadId(value).value()).isEqualTo(value);
        assertThat(new ThreadId(value)).hasToString(value);
    }

    @Test
    void given128Characters_threadId_isAccepted() {
        assertThat(new ThreadId("t".repeat(128)).value()).hasSize(128);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-leading-dash", ".leading-dot", ":x", "_x", "has space", "a/b", "a?b=c", "a&b", "thréad",
            "tab\t", "a|b"})
    void givenMalformedToken_threadId_isRefusedAsInvalidThreadId(String value) {
        assertThatThrownBy(() -> new ThreadId(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_thread_id");
                    assertThat(e.field()).isEqualTo("thread_id");
                });
    }

    @Test
    void given129Characters_threadId_isRefused() {
        assertThatThrownBy(() -> new ThreadId("t".repeat(129))).isInstanceOf(InvalidValueException.class);
    }
}
