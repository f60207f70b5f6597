package com.aimabledocs.artifacts.worker;

import com.aimabledocs.artifacts.domain.artifact.ArtifactName;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.port.MediaTypeDetector;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.tika.Tika;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/** Apache Tika's magic-byte detection, with the artifact's name as a hint for ambiguous bytes. */
@ApplicationScoped
public class TikaMediaTypeDetector implements MediaTypeDetector {

    private final Tika tika = new Tika();

    @Override
    public MediaType detect(InputStream content, ArtifactName name) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.value());
        try {
            return MediaType.parse(tika.getDetector().detect(content, metadata).getBaseType().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return MediaType.OCTET_STREAM;
        }
    }
}
