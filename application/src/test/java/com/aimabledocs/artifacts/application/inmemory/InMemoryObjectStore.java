package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.artifact.ByteRange;
import com.aimabledocs.artifacts.domain.artifact.MediaType;
import com.aimabledocs.artifacts.domain.artifact.ObjectKey;
import com.aimabledocs.artifacts.domain.port.ObjectStore;
import com.aimabledocs.artifacts.domain.shared.UnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stores bytes for real, like a bucket: not transactional, so a rollback leaves objects behind (which is
 * why services clean up after themselves). Can be told to fail any operation with
 * {@link UnavailableException}, as an unreachable S3 would.
 */
public final class InMemoryObjectStore implements ObjectStore {

    public enum Operation { PUT, STAT, OPEN, DELETE, PRESIGN }

    public record StoredObject(byte[] bytes, MediaType contentType) {
    }

    private final Map<ObjectKey, StoredObject> objects = new LinkedHashMap<>();
    private final Set<Operation> failing = EnumSet.noneOf(Operation.class);
    private final List<ObjectKey> puts = new ArrayList<>();
    private final List<ObjectKey> deletes = new ArrayList<>();
    private int opened;
    private int closed;

    /** Every operation fails with {@link UnavailableException} until {@link #makeAvailable()}. */
    public void makeUnavailable() {
        failing.addAll(EnumSet.allOf(Operation.class));
    }

    /** Only these operations fail. */
    public void makeUnavailableFor(Operation first, Operation... rest) {
        failing.add(first);
        failing.addAll(List.of(rest));
    }

    public void makeAvailable() {
        failing.clear();
    }

    private void check(Operation operation) {
        if (failing.contains(operation)) {
            throw new UnavailableException("object_store", new IOException("simulated outage on " + operation));
        }
    }

    @Override
    public void put(ObjectKey key, InputStream content, long length, MediaType contentType) {
        check(Operation.PUT);
        try {
            byte[] bytes = content.readNBytes(Math.toIntExact(length));
            objects.put(key, new StoredObject(bytes, contentType));
            puts.add(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(ObjectKey key) {
        check(Operation.STAT);
        return Optional.ofNullable(objects.get(key)).map(o -> new ObjectInfo(o.bytes().length));
    }

    @Override
    public Optional<ObjectContent> open(ObjectKey key) {
        check(Operation.OPEN);
        StoredObject object = objects.get(key);
        if (object == null) {
            return Optional.empty();
        }
        return Optional.of(content(object.bytes()));
    }

    @Override
    public Optional<ObjectContent> open(ObjectKey key, ByteRange range) {
        check(Operation.OPEN);
        StoredObject object = objects.get(key);
        if (object == null) {
            return Optional.empty();
        }
        if (range.last() >= object.bytes().length) {
            throw new IllegalArgumentException("range " + range + " beyond the object's " + object.bytes().length + " bytes");
        }
        return Optional.of(content(Arrays.copyOfRange(object.bytes(), Math.toIntExact(range.first()),
                Math.toIntExact(range.last() + 1))));
    }

    /** A fake URL naming the key, the validity and the overrides, so tests can see what was asked for. */
    @Override
    public URI presignGet(ObjectKey key, Duration validFor, ResponseOverrides overrides) {
        check(Operation.PRESIGN);
        return URI.create("memory://objects/" + key.value() + "?valid-for=" + validFor.toSeconds()
                + "&content-type=" + URLEncoder.encode(overrides.contentType(), StandardCharsets.UTF_8)
                + "&content-disposition=" + URLEncoder.encode(overrides.contentDisposition(), StandardCharsets.UTF_8));
    }

    private ObjectContent content(byte[] bytes) {
        opened++;
        InputStream stream = new ByteArrayInputStream(bytes);
        return new ObjectContent() {
            private boolean isClosed;

            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public InputStream stream() {
                return stream;
            }

            @Override
            public void close() {
                if (!isClosed) {
                    isClosed = true;
                    closed++;
                }
            }
        };
    }

    @Override
    public void delete(ObjectKey key) {
        check(Operation.DELETE);
        objects.remove(key);
        deletes.add(key);
    }

    /** Puts bytes directly, bypassing the counters and failures: test set-up, or a corruption. */
    public void store(ObjectKey key, byte[] bytes, MediaType contentType) {
        objects.put(key, new StoredObject(bytes.clone(), contentType));
    }

    /** Removes an object directly, bypassing the counters and failures. */
    public void lose(ObjectKey key) {
        objects.remove(key);
    }

    public boolean contains(ObjectKey key) {
        return objects.containsKey(key);
    }

    /** The stored bytes; fails the test when there is no such object. */
    public byte[] bytesAt(ObjectKey key) {
        return object(key).bytes().clone();
    }

    public MediaType contentTypeAt(ObjectKey key) {
        return object(key).contentType();
    }

    private StoredObject object(ObjectKey key) {
        StoredObject object = objects.get(key);
        if (object == null) {
            throw new AssertionError("no object at " + key + "; there are " + objects.keySet());
        }
        return object;
    }

    public Set<ObjectKey> keys() {
        return Set.copyOf(objects.keySet());
    }

    /** Successful puts, in order. */
    public List<ObjectKey> puts() {
        return List.copyOf(puts);
    }

    public int putCount() {
        return puts.size();
    }

    /** Successful deletes, in order. */
    public List<ObjectKey> deletes() {
        return List.copyOf(deletes);
    }

    /** Objects opened so far. */
    public int openCount() {
        return opened;
    }

    /** Objects opened and not closed yet. */
    public int openStreams() {
        return opened - closed;
    }
}
