-- The request rate limiters' token buckets (Bucket4j's PostgreSQL backend), shared by every api-service
-- instance: id names the limit and its subject (e.g. "key:<hash>", "address:203.0.113.9"), state is
-- Bucket4j's serialized bucket, expires_at (epoch milliseconds) when the bucket is full again and the
-- row can go; a periodic cleanup deletes the expired rows.
CREATE TABLE rate_limit_buckets (
    id         text PRIMARY KEY,
    state      bytea,
    expires_at bigint
);

CREATE INDEX rate_limit_buckets_expires_at_idx ON rate_limit_buckets (expires_at);
