package com.aimabledocs.artifacts.adapters.messaging;

/** CDI event: a row was appended to the outbox in the current transaction; wakes the relay on commit. */
public record OutboxAppended() {
}
