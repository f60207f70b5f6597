package com.aimabledocs.artifacts.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The UUID-based identifiers: strict parsing of client input, with the field in the error code. */
class IdentifiersTest {

    private static final String CANONICAL = "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f";

    /** Each parser with the code its errors carry. */
    static Stream<Arguments> parsers() {
        return Stream.of(
                arguments("artifact_id", (Function<String, Object>) ArtifactId::parse, "invalid_artifact_id"),
                arguments("job_id", (Function<String, Object>) JobId::parse, "invalid_job_id"),
                arguments("space_id", (Function<String, Object>) SpaceId::parse, "invalid_space_id"),
                arguments("uuid", (Function<String, Object>) text -> Uuids.parse("uuid", text), "invalid_uuid"));
    }

    static Stream<String> malformed() {
        return Stream.of(
                null,
                "",
                "not-a-uuid",
                "1-1-1-1-1",                                 // UUID.fromString accepts this one
                "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9",       // 35 characters
                "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f0",     // 37 characters
                "0192f3a47b1c7d2e8f304a5b6c7d8e9f",          // no dashes
                "{0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f}",
                "urn:uuid:0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
                " 0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f",
                "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f\n",
                "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9g",
                "0192f3a4_7b1c_7d2e_8f30_4a5b6c7d8e9f",
                "0192f3a4-7b1c-7d2e-8f30-4a5b6c7d8e9f; drop table artifacts");
    }

    static Stream<Arguments> malformedForEveryParser() {
        return parsers().flatMap(p -> malformed().map(text -> arguments(p.get()[0], p.get()[1], p.get()[2], text)));
    }

    static Stream<Arguments> wellFormedForEveryParser() {
        return parsers().flatMap(p -> Stream.of(CANONICAL, CANONICAL.toUpperCase(), "00000000-0000-0000-0000-000000000000")
                .map(text -> arguments(p.get()[0], p.get()[1], text)));
    }

    @ParameterizedTest(name = "{0} refuses \"{3}\"")
    @MethodSource("malformedForEveryParser")
    void givenMalformedText_parse_isRefusedWithTheFieldsCode(String field, Function<String, Object> parse, String code,
                                                             String text) {
        assertThatThrownBy(() -> parse.apply(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(field);
                });
    }

    @ParameterizedTest(name = "{0} accepts {2}")
    @MethodSource("wellFormedForEveryParser")
    void givenCanonicalUuid_parse_acceptsItInEitherCase(String field, Function<String, Object> parse, String text) {
        Object id = parse.apply(text);

        assertThat(id.toString()).isEqualTo(text.toLowerCase());
        assertThat(parse.apply(id.toString())).isEqualTo(id);
    }

    @Test
    void ids_wrapTheirUuid() {
        UUID uuid = UUID.fromString(CANONICAL);

        assertThat(ArtifactId.of(uuid).value()).isEqualTo(uuid);
        assertThat(JobId.of(uuid).value()).isEqualTo(uuid);
        assertThat(SpaceId.of(uuid).value()).isEqualTo(uuid);
        assertThat(ApiKeyId.of(uuid).value()).isEqualTo(uuid);
        assertThat(ApiKeyId.of(uuid)).hasToString(CANONICAL);
        assertThat(ArtifactId.of(uuid)).isEqualTo(ArtifactId.parse(CANONICAL)).isNotEqualTo(JobId.of(uuid));
    }

    @Test
    void givenNullUuid_of_isRefusedNamingTheField() {
        assertThatThrownBy(() -> ArtifactId.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("artifact_id");
        assertThatThrownBy(() -> JobId.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("job_id");
        assertThatThrownBy(() -> SpaceId.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("space_id");
        assertThatThrownBy(() -> ApiKeyId.of(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("key_id");
    }

    @Test
    void testIds_increaseBothAsUuidsAndAsText() {
        UUID first = TestIds.nth(1);
        UUID second = TestIds.nth(2);
        UUID far = TestIds.nth(1_000_000);

        assertThat(first).isLessThan(second).isLessThan(far);
        assertThat(first.toString()).isLessThan(second.toString()).isLessThan(far.toString());
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
    }
}
