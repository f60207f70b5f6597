package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import java.io.InputStream;

/** Tells what kind of bytes these are, and whether a declared type contradicts that. */
@FunctionalInterface
public interface MediaTypeDetector {

    /**
     * @param content a stream that supports mark/reset; implementations read only its head and reset it
     * @param name    the artifact's name, a hint (its extension) when the bytes alone are ambiguous
     */
    MediaType detect(InputStream content, ArtifactName name);

    /**
     * Whether {@code declared} contradicts {@code detected}. Not a contradiction: the same type, one a
     * specialisation of the other (text/csv and text/plain), or a detection that learned nothing
     * (application/octet-stream). This default knows no type hierarchy: any other difference contradicts.
     */
    default boolean contradicts(MediaType declared, MediaType detected) {
        return !declared.equals(detected) && !detected.equals(MediaType.OCTET_STREAM);
    }
}
