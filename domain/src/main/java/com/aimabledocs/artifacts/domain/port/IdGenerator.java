package com.aimabledocs.artifacts.domain.port;

import java.util.UUID;

/** Makes new identifiers. Implementations give time-ordered UUIDs (v7) so that IDs sort by creation. */
@FunctionalInterface
public interface IdGenerator {

    UUID newId();
}
