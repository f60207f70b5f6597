package com.aimabledocs.artifacts.adapters.messaging;

import com.aimabledocs.artifacts.domain.port.Outbox;

/**
 * CDI event: {@code row} was appended to the outbox in the current transaction. With direct sending off, the relay
 * wakes when that transaction commits ({@link OutboxDirectSender} is told of the row by the writer itself).
 */
public record OutboxAppended(Outbox.Unsent row) {
}
