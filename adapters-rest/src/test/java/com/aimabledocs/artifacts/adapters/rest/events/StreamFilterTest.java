package com.aimabledocs.artifacts.adapters.rest.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.event.EventCursor;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StreamFilterTest {

    private static final ArtifactId ARTIFACT = ArtifactId.of(UUID.randomUUID());

    private static JournaledEvent event(ArtifactId artifact, List<String> threads, String type) {
        return new JournaledEvent(new EventCursor(1, 1), SpaceId.of(UUID.randomUUID()), artifact, threads, type, "{}",
                Instant.EPOCH);
    }

    @Test
    void givenNoFilter_everyEventPasses() {
        assertThat(StreamFilter.parse(null, null, null).test(event(ARTIFACT, List.of(), "job.queued"))).isTrue();
    }

    @Test
    void givenFilters_onlyEventsMatchingAllOfThemPass() {
        StreamFilter filter = StreamFilter.parse(ARTIFACT.toString(), "thread-1", "artifact.ready, job.failed");

        assertThat(filter.test(event(ARTIFACT, List.of("thread-0", "thread-1"), "artifact.ready"))).isTrue();
        assertThat(filter.test(event(ARTIFACT, List.of("thread-1"), "job.failed"))).isTrue();
        assertThat(filter.test(event(ARTIFACT, List.of("thread-1"), "job.queued"))).as("another type").isFalse();
        assertThat(filter.test(event(ARTIFACT, List.of("thread-2"), "artifact.ready"))).as("another thread").isFalse();
        assertThat(filter.test(event(ArtifactId.of(UUID.randomUUID()), List.of("thread-1"), "artifact.ready")))
                .as("another artifact").isFalse();
    }

    @Test
    void givenUnknownTypeOrMalformedArtifact_parse_refusesWithTheParametersCode() {
        assertThatThrownBy(() -> StreamFilter.parse(null, null, "artifact.exploded"))
                .isInstanceOf(InvalidValueException.class).hasFieldOrPropertyWithValue("code", "invalid_types");
        assertThatThrownBy(() -> StreamFilter.parse("not-a-uuid", null, null))
                .isInstanceOf(InvalidValueException.class).hasFieldOrPropertyWithValue("code", "invalid_artifact_id");
    }
}
