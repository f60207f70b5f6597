package com.aimabledocs.artifacts.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class StoredContentTest {

    private static final Sha256 EMPTY_SHA = new Sha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    @Test
    void givenEmptyContent_storedContent_isAccepted() {
        assertThat(new StoredContent(0, EMPTY_SHA, MediaType.OCTET_STREAM).sizeBytes()).isZero();
    }

    @Test
    void givenNegativeSize_storedContent_isRefusedAsInvalidSizeBytes() {
        assertThatThrownBy(() -> new StoredContent(-1, EMPTY_SHA, MediaType.OCTET_STREAM))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_size_bytes"));
    }

    @Test
    void givenMissingDigestOrType_storedContent_isRefused() {
        assertThatThrownBy(() -> new StoredContent(1, null, MediaType.OCTET_STREAM)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StoredContent(1, EMPTY_SHA, null)).isInstanceOf(NullPointerException.class);
    }
}
