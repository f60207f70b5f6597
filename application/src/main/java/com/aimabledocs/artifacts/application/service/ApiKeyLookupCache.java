package com.aimabledocs.artifacts.application.service;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A short-lived, per-process memory of successful API-key look-ups, keyed by the SHA-256 of the secret. Only
 * active keys are remembered (an unknown or revoked key is looked up every time), and the caller still compares
 * the remembered hash with the presented secret's in constant time and checks that the key is active.
 *
 * <p>The trade-off: a key revoked through <em>another</em> replica keeps working here for at most the TTL. A
 * revocation through this process takes effect at once ({@link #invalidate}); a look-up that was already under
 * way when the revocation happened is not remembered (an epoch counter guards the race). A TTL of zero turns the
 * cache off: every request reads the key.
 */
public final class ApiKeyLookupCache {

    /** Entries kept at most: beyond it the map starts over (a look-up is cheap, the bound is against abuse). */
    static final int MAX_ENTRIES = 10_000;

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    private record Entry(ApiKey key, long expiresAtNanos) {
    }

    public ApiKeyLookupCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    ApiKeyLookupCache(Duration ttl, LongSupplier nanoTime) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the API-key cache TTL must not be negative: " + ttl);
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The key with this secret hash: remembered if looked up less than the TTL ago and active then, else loaded. */
    public Optional<ApiKey> find(String secretHash, Function<String, Optional<ApiKey>> load) {
        if (ttlNanos == 0) {
            return load.apply(secretHash);
        }
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(secretHash);
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Optional.of(entry.key());
        }
        long seen = epoch.get();
        Optional<ApiKey> loaded = load.apply(secretHash);
        if (loaded.isPresent() && loaded.get().isActive()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(secretHash, new Entry(loaded.get(), now + ttlNanos));
            if (epoch.get() != seen) {
                entries.remove(secretHash);   // a revocation happened while this look-up ran
            }
        } else if (entry != null) {
            entries.remove(secretHash);
        }
        return loaded;
    }

    /** Forgets the key with this secret hash, and any look-up still under way (called after a revocation). */
    public void invalidate(String secretHash) {
        epoch.incrementAndGet();
        entries.remove(secretHash);
    }
}
