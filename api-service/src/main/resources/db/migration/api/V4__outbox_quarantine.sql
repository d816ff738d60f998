-- An event the broker can never take (too large, unserializable, an invalid topic) is quarantined
-- instead of retried forever, so the events behind it are published; it stays for an operator.
ALTER TABLE outbox
    ADD COLUMN quarantined_at    timestamptz,
    ADD COLUMN quarantine_reason text;

DROP INDEX outbox_unpublished_idx;
CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL AND quarantined_at IS NULL;
CREATE INDEX outbox_quarantined_idx ON outbox (id) WHERE quarantined_at IS NOT NULL;
