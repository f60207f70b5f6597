package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Stores bytes by key. Content always streams: implementations never hold a whole object in memory.
 * Transient failures surface as {@link com.aimabledocs.artifacts.domain.shared.UnavailableException}.
 */
public interface ObjectStore {

    /** Writes {@code length} bytes read from {@code content} under {@code key}, replacing what was there. */
    void put(ObjectKey key, InputStream content, long length, MediaType contentType);

    Optional<ObjectInfo> stat(ObjectKey key);

    /** Opens the object for reading; the caller closes it. Empty when there is no such object. */
    Optional<ObjectContent> open(ObjectKey key);

    /**
     * Opens only {@code range} of the object (the range must lie within it); the content's
     * {@link ObjectContent#length()} is the range's length. Empty when there is no such object.
     */
    Optional<ObjectContent> open(ObjectKey key, ByteRange range);

    /**
     * A URL that lets its bearer GET the object directly from the store, without credentials, for
     * {@code validFor}; the store answers with the headers in {@code overrides} instead of the stored ones.
     */
    URI presignGet(ObjectKey key, Duration validFor, ResponseOverrides overrides);

    /** Removes the object; removing a missing object is not an error. */
    void delete(ObjectKey key);

    record ObjectInfo(long length) {
    }

    /** Response headers a presigned GET makes the store send (so a browser saves the file right). */
    record ResponseOverrides(String contentType, String contentDisposition) {
    }

    /** An open object: its length and a stream of its bytes. Closing it releases the connection. */
    interface ObjectContent extends AutoCloseable {

        long length();

        InputStream stream();

        @Override
        void close();
    }
}
