package com.aimabledocs.artifacts.adapters.storage;

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
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Apache Tika's magic-byte detection, with the artifact's name as a hint for ambiguous bytes, and Tika's
 * type hierarchy to tell whether a declared type contradicts a detected one. It lives with the storage
 * adapter because both services inspect the bytes they store: the API checks a space's policy before it
 * accepts content, the worker records the detected type of every artifact.
 */
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

    @Override
    public boolean contradicts(MediaType declared, MediaType detected) {
        MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
        org.apache.tika.mime.MediaType claimed = normalized(registry, declared);
        org.apache.tika.mime.MediaType actual = normalized(registry, detected);
        if (claimed == null || actual == null) {
            return false; // a type Tika cannot parse: nothing to compare
        }
        if (actual.equals(org.apache.tika.mime.MediaType.OCTET_STREAM) || claimed.equals(actual)
                || registry.isSpecializationOf(claimed, actual) || registry.isSpecializationOf(actual, claimed)) {
            return false;
        }
        // Text formats (CSV, Markdown, JSON, plain text) cannot be told apart reliably from the bytes.
        return !(isText(registry, claimed) && isText(registry, actual));
    }

    private static boolean isText(MediaTypeRegistry registry, org.apache.tika.mime.MediaType type) {
        return type.equals(org.apache.tika.mime.MediaType.TEXT_PLAIN)
                || registry.isSpecializationOf(type, org.apache.tika.mime.MediaType.TEXT_PLAIN);
    }

    private static org.apache.tika.mime.MediaType normalized(MediaTypeRegistry registry, MediaType type) {
        org.apache.tika.mime.MediaType parsed = org.apache.tika.mime.MediaType.parse(type.value());
        return parsed == null ? null : registry.normalize(parsed.getBaseType());
    }
}
