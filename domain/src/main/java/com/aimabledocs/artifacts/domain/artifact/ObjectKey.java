package com.aimabledocs.artifacts.domain.artifact;

import com.aimabledocs.artifacts.domain.job.JobId;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import com.aimabledocs.artifacts.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * Where bytes live in the object store. Keys are derived from server-made IDs only, never from a
 * client's file name, so no request can aim a write at another artifact's object.
 */
public record ObjectKey(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9/_-]{0,511}");

    public ObjectKey {
        if (value == null || !FORM.matcher(value).matches() || value.contains("//")) {
            throw new InvalidValueException("object_key", "object keys are lower-case paths built from IDs");
        }
    }

    /**
     * The final, permanent home of an artifact's content. The API and the worker stage a request's bytes
     * here directly; the artifact's status, not the object's presence, says whether they are ready.
     */
    public static ObjectKey contentOf(SpaceId space, ArtifactId artifact) {
        return new ObjectKey("spaces/%s/artifacts/%s/content".formatted(space, artifact));
    }

    /**
     * Where requests accepted by earlier versions parked their bytes until the worker copied them to
     * {@link #contentOf}: still read (and removed) for such jobs, and still purged.
     */
    public static ObjectKey stagingFor(SpaceId space, ArtifactId artifact, JobId job) {
        return new ObjectKey("staging/%s/%s/%s".formatted(space, artifact, job));
    }

    @Override
    public String toString() {
        return value;
    }
}
