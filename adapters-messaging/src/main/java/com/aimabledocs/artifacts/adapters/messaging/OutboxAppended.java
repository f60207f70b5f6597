package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Outbox;

/**
 * CDI event: {@code row} was appended to the outbox in the current transaction. After that transaction commits,
 * {@link OutboxDirectSender} sends it at once (or, with direct sending off, the relay wakes).
 */
public record OutboxAppended(Outbox.Unsent row) {
}
