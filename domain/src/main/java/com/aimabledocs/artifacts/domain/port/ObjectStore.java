package com.aimabledocs.artifacts.domain.port;

import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import java.io.InputStream;
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

    /** Removes the object; removing a missing object is not an error. */
    void delete(ObjectKey key);

    record ObjectInfo(long length) {
    }

    /** An open object: its length and a stream of its bytes. Closing it releases the connection. */
    interface ObjectContent extends AutoCloseable {

        long length();

        InputStream stream();

        @Override
        void close();
    }
}
