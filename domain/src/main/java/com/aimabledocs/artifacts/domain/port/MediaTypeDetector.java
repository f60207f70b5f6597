package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import java.io.InputStream;

/** Tells what kind of bytes these are, for artifacts whose client declared no media type. */
@FunctionalInterface
public interface MediaTypeDetector {

    /**
     * @param content a stream that supports mark/reset; implementations read only its head and reset it
     * @param name    the artifact's name, a hint (its extension) when the bytes alone are ambiguous
     */
    MediaType detect(InputStream content, ArtifactName name);
}
