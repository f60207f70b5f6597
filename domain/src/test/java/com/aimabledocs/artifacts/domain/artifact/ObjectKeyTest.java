package com.aimabledocs.artifacts.domain.artifact;

import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.anArtifact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

    private static final SpaceId SPACE = SpaceId.parse("0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f");
    private static final ArtifactId ARTIFACT = ArtifactId.parse("0192f3a5-0000-7000-8000-000000000001");

    @Test
    void contentOf_isThePermanentKeyBuiltFromSpaceAndArtifact() {
        assertThat(ObjectKey.contentOf(SPACE, ARTIFACT).value())
                .isEqualTo("spaces/0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f/artifacts/0192f3a5-0000-7000-8000-000000000001/content");
    }

    @Test
    void givenUpperCaseIds_keys_areStillLowerCase() {
        SpaceId space = SpaceId.parse("0192F3A4-7B1C-7D2E-8F30-4A5B6C7D8E9F");

        assertThat(ObjectKey.contentOf(space, ARTIFACT).value()).isLowerCase();
    }

    @Test
    void contentKeys_differPerArtifact() {
        ArtifactId other = ArtifactId.parse("0192f3a5-0000-7000-8000-000000000003");

        assertThat(ObjectKey.contentOf(SPACE, ARTIFACT)).isNotEqualTo(ObjectKey.contentOf(SPACE, other));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "report.pdf", "a b", "spaces/other/artifacts/stolen", "staging/x"})
    void keys_neverContainTheArtifactName(String name) {
        Artifact artifact = anArtifact().withName(name).build();

        ObjectKey content = ObjectKey.contentOf(artifact.spaceId(), artifact.id());

        assertThat(content.value()).doesNotContain(name).doesNotContain("..");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/absolute", "a//b", "Upper/case", "a b", "../x", "a/../b", "a/./b", "a\\b", "-x", "ä"})
    void givenMalformedKey_objectKey_isRefusedAsInvalidObjectKey(String value) {
        assertThatThrownBy(() -> new ObjectKey(value))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_object_key"));
    }

    @Test
    void givenKeyOf512Characters_objectKey_isAcceptedAnd513IsRefused() {
        assertThat(new ObjectKey("k".repeat(512)).value()).hasSize(512);
        assertThatThrownBy(() -> new ObjectKey("k".repeat(513))).isInstanceOf(InvalidValueException.class);
    }

    // ---- keys another service chose, under incoming/ ----

    @ParameterizedTest
    @ValueSource(strings = {"incoming/Scanner/2026-12/scan.v2.PDF", "incoming/x", "incoming/producer-a/report",
            "incoming/.hidden", "incoming/a..b/c.", "incoming/...", "incoming/Quarterly report (final).xlsx",
            "incoming/Zürich/Übersicht ä€😀.txt", "incoming/a\\b", "incoming/%2e%2e/x", "incoming/a+b=c&d?e#f"})
    void givenKeyUnderIncomingThatS3Allows_incoming_acceptsItUnchanged(String value) {
        ObjectKey key = ObjectKey.incoming(value);

        assertThat(key.value()).isEqualTo(value);
        assertThat(key.isIncoming()).isTrue();
        assertThat(new ObjectKey(value)).isEqualTo(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"incoming/../spaces/x", "incoming/..", "incoming/a/../b", "incoming/./x", "incoming/x/.",
            "incoming/", "incoming//x", "incoming/x/", "incoming/x//y", "incoming", "Incoming/x", "INCOMING/x",
            "/incoming/x", "spaces/x/artifacts/y/content", "staging/a/b/c", "incoming/a\tb", "incoming/a\nb",
            "incoming/a\u0000b", "incoming/a\u007fb", "incoming/a\u0085b", "incoming/a\ud800b"})
    void givenKeyOutsideIncomingOrBreakingItsRules_incoming_isRefusedAsInvalidObjectKey(String value) {
        assertThatThrownBy(() -> ObjectKey.incoming(value))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("invalid_object_key"));
    }

    @Test
    void givenIncomingKeyOf1024Utf8Bytes_incoming_acceptsItAnd1025BytesAreRefused() {
        String prefix = "incoming/";
        // 'é' is 2 bytes in UTF-8: the limit is on bytes, not characters
        String exact = prefix + "é".repeat((1024 - prefix.length()) / 2) + "x".repeat((1024 - prefix.length()) % 2);
        assertThat(exact.getBytes(StandardCharsets.UTF_8)).hasSize(1024);

        assertThat(ObjectKey.incoming(exact).value()).isEqualTo(exact);
        assertThatThrownBy(() -> ObjectKey.incoming(exact + "x")).isInstanceOf(InvalidValueException.class);
        String fewCharactersManyBytes = prefix + "é".repeat(510);
        assertThat(fewCharactersManyBytes.length()).isLessThan(1024);
        assertThatThrownBy(() -> ObjectKey.incoming(fewCharactersManyBytes))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.getMessage()).contains("1024 bytes"));
    }

    @Test
    void contentKey_isNotIncoming() {
        assertThat(ObjectKey.contentOf(SPACE, ARTIFACT).isIncoming()).isFalse();
    }

    @Test
    void toString_isTheKey() {
        assertThat(new ObjectKey("a/b_c-d")).hasToString("a/b_c-d");
    }
}
