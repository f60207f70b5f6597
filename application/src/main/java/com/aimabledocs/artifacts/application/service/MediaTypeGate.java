package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.MediaTypeMismatchException;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import com.aimabledocs.artifacts.domain.port.SpaceRepository;
import com.aimabledocs.artifacts.domain.port.UnitOfWork;
import com.aimabledocs.artifacts.domain.space.MediaTypePolicy;
import com.aimabledocs.artifacts.domain.space.Space;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * Applies a space's {@link MediaTypePolicy} to content on its way in, so that a request whose declared
 * type contradicts its bytes is refused before anything is stored. Reads only the head of the stream.
 */
public final class MediaTypeGate {

    /** Bytes a detector may look at: Tika's magic needs far fewer. */
    public static final int DETECTION_HEAD_BYTES = 64 * 1024;

    private final SpaceRepository spaces;
    private final MediaTypeDetector detector;
    private final UnitOfWork unitOfWork;

    public MediaTypeGate(SpaceRepository spaces, MediaTypeDetector detector, UnitOfWork unitOfWork) {
        this.spaces = spaces;
        this.detector = detector;
        this.unitOfWork = unitOfWork;
    }

    /**
     * Returns a stream with the same bytes as {@code content}, after checking them when the space refuses
     * mismatches and a type was declared.
     *
     * @throws MediaTypeMismatchException when the space's policy refuses the declared type for these bytes
     */
    public InputStream admit(SpaceId spaceId, Optional<MediaType> declared, ArtifactName name, InputStream content) {
        if (declared.isEmpty()) {
            return content;
        }
        MediaTypePolicy policy = unitOfWork.inTransaction(() -> spaces.findById(spaceId))
                .map(Space::mediaTypePolicy)
                .orElse(MediaTypePolicy.DEFAULT);
        if (policy == MediaTypePolicy.TRUST_DECLARED) {
            return content;
        }
        InputStream buffered = content.markSupported() ? content : new BufferedInputStream(content, DETECTION_HEAD_BYTES);
        policy.check(declared.get(), detector.detect(buffered, name), detector);
        return buffered;
    }
}
