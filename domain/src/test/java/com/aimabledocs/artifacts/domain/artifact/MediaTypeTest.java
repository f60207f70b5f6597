package com.aimabledocs.artifacts.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MediaTypeTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "application/pdf                         | application/pdf",
            "Application/PDF                         | application/pdf",
            "Text/Plain; charset=UTF-8               | text/plain",
            "text/html;charset=utf-8;level=1         | text/html",
            "'  image/PNG  '                         | image/png",
            "image/svg+xml                           | image/svg+xml",
            "application/vnd.ms-excel                | application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document | application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "text/plain;                             | text/plain",
    })
    void parse_lowerCasesAndDropsParameters(String text, String expected) {
        MediaType mediaType = MediaType.parse(text);

        assertThat(mediaType.value()).isEqualTo(expected);
        assertThat(mediaType).hasToString(expected).isEqualTo(new MediaType(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"pdf", "text/", "/plain", "text/plain/extra", "text plain", "text / plain", "*/*", "text/*",
            "; charset=utf-8", "tëxt/plain", "text/pla in", "application/x\u0000y"})
    void givenGarbage_parse_isRefusedAsInvalidMediaType(String text) {
        assertThatThrownBy(() -> MediaType.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_media_type");
                    assertThat(e.field()).isEqualTo("media_type");
                });
    }

    @Test
    void givenUpperCaseOrParameters_constructor_isRefused() {
        assertThatThrownBy(() -> new MediaType("Text/Plain")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new MediaType("text/plain; charset=utf-8")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void givenOverlongParts_parse_isRefused() {
        assertThat(MediaType.parse("a".repeat(64) + "/" + "b".repeat(127)).value()).hasSize(192);
        assertThatThrownBy(() -> MediaType.parse("a".repeat(65) + "/plain")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> MediaType.parse("text/" + "b".repeat(128))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void octetStream_isTheGenericBinaryType() {
        assertThat(MediaType.OCTET_STREAM.value()).isEqualTo("application/octet-stream");
    }
}
