package com.aimabledocs.artifacts.domain.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactMetadataTest {

    private static Map<String, String> entries(int count) {
        return IntStream.range(0, count).boxed()
                .collect(Collectors.toMap(i -> "key-" + i, i -> "value-" + i));
    }

    private static void assertRefused(Map<String, String> entries) {
        assertThatThrownBy(() -> new ArtifactMetadata(entries))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_metadata");
                    assertThat(e.field()).isEqualTo("metadata");
                });
    }

    @Test
    void givenNull_metadata_isEmpty() {
        assertThat(new ArtifactMetadata(null).entries()).isEmpty();
        assertThat(new ArtifactMetadata(null)).isEqualTo(ArtifactMetadata.EMPTY);
    }

    @Test
    void given32Entries_metadata_isAccepted() {
        assertThat(new ArtifactMetadata(entries(32)).entries()).hasSize(ArtifactMetadata.MAX_ENTRIES);
    }

    @Test
    void given33Entries_metadata_isRefused() {
        assertRefused(entries(33));
    }

    @ParameterizedTest
    @ValueSource(strings = {"k", "Key.Name-1_x", "0"})
    void givenWellFormedKey_metadata_isAccepted(String key) {
        assertThat(new ArtifactMetadata(Map.of(key, "v")).entries()).containsEntry(key, "v");
    }

    @Test
    void given64CharacterKeyAnd512CharacterValue_metadata_isAccepted() {
        Map<String, String> entries = Map.of("k".repeat(64), "v".repeat(512));

        assertThat(new ArtifactMetadata(entries).entries()).isEqualTo(entries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "ключ", "a/b", "a:b"})
    void givenMalformedKey_metadata_isRefused(String key) {
        assertRefused(Map.of(key, "v"));
    }

    @Test
    void givenOverlongKeyOrValue_metadata_isRefused() {
        assertRefused(Map.of("k".repeat(65), "v"));
        assertRefused(Map.of("k", "v".repeat(513)));
    }

    @Test
    void givenNullKeyOrValue_metadata_isRefused() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("k", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");

        assertRefused(nullValue);
        assertRefused(nullKey);
    }

    @Test
    void metadata_isSortedByKeyImmutableAndCopied() {
        Map<String, String> source = new HashMap<>(Map.of("b", "2", "a", "1", "c", "3"));

        ArtifactMetadata metadata = new ArtifactMetadata(source);
        source.put("d", "4");

        assertThat(metadata.entries().keySet()).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> metadata.entries().put("e", "5")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(metadata).isEqualTo(new ArtifactMetadata(Map.of("c", "3", "a", "1", "b", "2")));
    }
}
