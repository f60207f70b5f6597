package com.aimabledocs.artifacts.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactNameTest {

    private static final String EMOJI = "\uD83D\uDCC4"; // 📄: one code point, two chars

    @ParameterizedTest
    @ValueSource(strings = {"a", "Quarterly report (final).pdf", "../../etc/passwd", "日本語のレポート.docx",
            "name with  spaces", "\uD83D\uDCC4 notes.md"})
    void givenPrintableText_artifactName_isAccepted(String value) {
        assertThat(new ArtifactName(value).value()).isEqualTo(value);
        assertThat(new ArtifactName(value)).hasToString(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\u2003"})
    void givenBlankName_artifactName_isRefusedAsInvalidName(String value) {
        assertThatThrownBy(() -> new ArtifactName(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_name");
                    assertThat(e.field()).isEqualTo("name");
                });
    }

    @Test
    void given255CodePoints_artifactName_isAccepted() {
        assertThat(new ArtifactName("a".repeat(255)).value()).hasSize(255);
        assertThat(new ArtifactName(EMOJI.repeat(255)).value()).hasSize(510);
    }

    @Test
    void given256CodePoints_artifactName_isRefusedAsTooLong() {
        assertThatThrownBy(() -> new ArtifactName("a".repeat(256)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 255");
        assertThatThrownBy(() -> new ArtifactName(EMOJI.repeat(256)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 255");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "line\nbreak", "carriage\rreturn", "tab\there", "del\u007f", "c1\u0085control",
            "bell\u0007"})
    void givenControlCharacters_artifactName_isRefused(String value) {
        assertThatThrownBy(() -> new ArtifactName(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_name"))
                .hasMessageContaining("control characters");
    }
}
