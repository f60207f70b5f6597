package com.aimabledocs.artifacts.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTypeTest {

    @ParameterizedTest
    @EnumSource
    void wireName_isLowerCaseAndRoundTrips(DocumentType type) {
        assertThat(type.wireName()).isEqualTo(type.name().toLowerCase());
        assertThat(DocumentType.fromWireName("type", type.wireName())).isEqualTo(type);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"DOCUMENT", "pdf", "doc"})
    void givenUnknownType_fromWireName_isRefusedUnderTheCallersField(String text) {
        assertThatThrownBy(() -> DocumentType.fromWireName("type", text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_type");
                    assertThat(e.getMessage()).contains("document", "spreadsheet", "other");
                });
    }
}
