-- The W3C trace context (traceparent) of the request that wrote an outbox row, so the relay publishes the
-- event in that request's trace (OutboxWriter, OutboxRelay; docs/operations.md, "Traces"). Null for rows
-- written outside a trace, and for the rows written before this column.
ALTER TABLE outbox ADD COLUMN traceparent text;
