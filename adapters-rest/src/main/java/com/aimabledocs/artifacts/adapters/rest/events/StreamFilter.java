package com.aimabledocs.artifacts.adapters.rest.events;

import com.aimabledocs.artifacts.domain.artifact.ArtifactId;
import com.aimabledocs.artifacts.domain.artifact.ThreadId;
import com.aimabledocs.artifacts.domain.event.JournaledEvent;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The optional filters of a stream: one artifact, one thread, some event types. */
record StreamFilter(Optional<ArtifactId> artifactId, Optional<ThreadId> threadId, Set<String> types)
        implements Predicate<JournaledEvent> {

    /** Every event type there is, as on the events topic. */
    static final Set<String> EVENT_TYPES = Set.of("job.queued", "job.running", "job.succeeded", "job.failed",
            "job.canceled", "artifact.pending", "artifact.processing", "artifact.ready", "artifact.failed",
            "artifact.deleted");

    static StreamFilter parse(String artifactId, String threadId, String types) {
        Set<String> typeSet = types == null ? Set.of() : Arrays.stream(types.split(",", -1))
                .map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String type : typeSet) {
            if (!EVENT_TYPES.contains(type)) {
                throw new InvalidValueException("types", "types is a comma-separated list of event types such as "
                        + "artifact.ready or job.failed; unknown: '" + type + "'");
            }
        }
        return new StreamFilter(Optional.ofNullable(artifactId).map(ArtifactId::parse),
                Optional.ofNullable(threadId).map(ThreadId::new), Set.copyOf(typeSet));
    }

    @Override
    public boolean test(JournaledEvent event) {
        return artifactId.map(event.artifactId()::equals).orElse(true)
                && threadId.map(t -> event.threadIds().contains(t.value())).orElse(true)
                && (types.isEmpty() || types.contains(event.eventType()));
    }
}
