-- Observability (issue 7): the W3C trace context (traceparent, tracestate) of the transaction that wrote an
-- outbox row, so the relay can put it in the Kafka record's headers and the consumer continues the same
-- trace. Nullable: rows written without an active trace (and every row written before) carry none.
alter table outbox add column trace_context jsonb;
