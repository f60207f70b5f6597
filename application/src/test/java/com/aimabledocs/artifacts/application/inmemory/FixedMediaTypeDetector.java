package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Always answers the same type, but behaves like a real detector towards the stream: it checks that the
 * stream supports mark/reset, reads the head and resets, so a service that loses those bytes is caught.
 */
public final class FixedMediaTypeDetector implements MediaTypeDetector {

    private static final int HEAD = 16;

    private final MediaType answer;
    private final List<ArtifactName> namesSeen = new ArrayList<>();
    private final List<byte[]> headsSeen = new ArrayList<>();

    public FixedMediaTypeDetector(MediaType answer) {
        this.answer = answer;
    }

    @Override
    public MediaType detect(InputStream content, ArtifactName name) {
        if (!content.markSupported()) {
            throw new AssertionError("the detector needs a stream that supports mark/reset");
        }
        try {
            content.mark(HEAD);
            headsSeen.add(content.readNBytes(HEAD));
            content.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        namesSeen.add(name);
        return answer;
    }

    public int calls() {
        return namesSeen.size();
    }

    public List<ArtifactName> namesSeen() {
        return List.copyOf(namesSeen);
    }

    public List<byte[]> headsSeen() {
        return List.copyOf(headsSeen);
    }
}
