package com.aimabledocs.artifacts.application.inmemory;

import com.aimabledocs.artifacts.domain.access.ApiKey;
import com.aimabledocs.artifacts.domain.access.ApiKeyId;
import com.aimabledocs.artifacts.domain.port.ApiKeyRepository;
import com.aimabledocs.artifacts.domain.space.SpaceId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys indexed by the hash of their secret, unique like the real index. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository, TransactionalResource {

    private Map<String, ApiKey> bySecretHash = new LinkedHashMap<>();
    private int lookups;

    @Override
    public Optional<ApiKey> findBySecretHash(String secretHash) {
        lookups++;
        return Optional.ofNullable(bySecretHash.get(secretHash));
    }

    @Override
    public Optional<ApiKey> findById(SpaceId spaceId, ApiKeyId id) {
        return bySecretHash.values().stream().filter(k -> k.id().equals(id) && k.spaceId().equals(spaceId)).findFirst();
    }

    @Override
    public List<ApiKey> listBySpace(SpaceId spaceId) {
        return bySecretHash.values().stream().filter(k -> k.spaceId().equals(spaceId))
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(k -> k.id().value()).reversed())
                .toList();
    }

    @Override
    public void update(ApiKey key) {
        ApiKey stored = bySecretHash.get(key.secretHash());
        if (stored == null || !stored.id().equals(key.id()) || !stored.spaceId().equals(key.spaceId())) {
            throw new IllegalStateException("no such key to update: " + key.id());
        }
        bySecretHash.put(key.secretHash(), key);
    }

    @Override
    public void add(ApiKey key) {
        if (bySecretHash.containsKey(key.secretHash())
                || bySecretHash.values().stream().anyMatch(k -> k.id().equals(key.id()))) {
            throw new IllegalStateException("duplicate key: api key " + key.id());
        }
        bySecretHash.put(key.secretHash(), key);
    }

    public List<ApiKey> all() {
        return List.copyOf(bySecretHash.values());
    }

    public int lookups() {
        return lookups;
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(bySecretHash);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        bySecretHash = new LinkedHashMap<>((Map<String, ApiKey>) snapshot);
    }
}
