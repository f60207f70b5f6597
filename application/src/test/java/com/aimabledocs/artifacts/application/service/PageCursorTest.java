package com.aimabledocs.artifacts.application.service;

import static com.aimabledocs.artifacts.domain.access.AccessTestData.aPrincipal;
import static com.aimabledocs.artifacts.domain.artifact.ArtifactTestData.DEFAULT_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.application.port.in.ListArtifactsQuery.Request;
import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ArtifactStatus;
import com.aimabledocs.artifacts.domain.artifact.DocumentType;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.port.ArtifactSearch.Position;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.shared.TestIds;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    private static Request request(String thread, DocumentType type, ArtifactStatus status, int limit) {
        return new Request(aPrincipal().build(), DEFAULT_SPACE, Optional.ofNullable(thread).map(ThreadId::new),
                Optional.ofNullable(type), Optional.ofNullable(status), Optional.empty(), limit);
    }

    @Test
    void cursor_roundTripsThePositionToTheNanosecond() {
        Position position = new Position(Instant.parse("2025-01-15T10:00:00.123456789Z"), ArtifactId.of(TestIds.next()));
        String filters = PageCursor.filterFingerprint(request(null, null, null, 10));

        String cursor = PageCursor.encode(position, filters);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursor.decode(cursor, filters)).isEqualTo(position);
    }

    @Test
    void filterFingerprint_dependsOnTheFiltersOnly() {
        String none = PageCursor.filterFingerprint(request(null, null, null, 10));

        assertThat(PageCursor.filterFingerprint(request(null, null, null, 50))).isEqualTo(none);
        assertThat(PageCursor.filterFingerprint(request("t", null, null, 10))).isNotEqualTo(none);
        assertThat(PageCursor.filterFingerprint(request(null, DocumentType.IMAGE, null, 10))).isNotEqualTo(none);
        assertThat(PageCursor.filterFingerprint(request(null, null, ArtifactStatus.READY, 10))).isNotEqualTo(none);
        assertThat(PageCursor.filterFingerprint(request("t", null, null, 10)))
                .isNotEqualTo(PageCursor.filterFingerprint(request("u", null, null, 10)));
    }

    @Test
    void givenCursorOfOtherFilters_decode_isRefused() {
        Position position = new Position(Instant.parse("2025-01-15T10:00:00Z"), ArtifactId.of(TestIds.next()));
        String cursor = PageCursor.encode(position, PageCursor.filterFingerprint(request(null, null, null, 10)));

        assertThatThrownBy(() -> PageCursor.decode(cursor, PageCursor.filterFingerprint(request("t", null, null, 10))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"))
                .hasMessageContaining("other filters");
    }
}
