-- Retries that wait longer than the Kafka retry topics hold them (RetrySchedule: the schedule past
-- kafka-retries): one row per alert and channel target, due at due_at, so the long tail of the
-- schedule survives restarts. Instances claim due rows with FOR UPDATE SKIP LOCKED (ParkedRetries).
CREATE TABLE delivery_retries (
    alert_id   uuid        NOT NULL,
    channel_id uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    attempt    integer     NOT NULL CHECK (attempt > 1),
    due_at     timestamptz NOT NULL,
    request    jsonb       NOT NULL,
    parked_at  timestamptz NOT NULL,
    PRIMARY KEY (alert_id, channel_id)
);
CREATE INDEX delivery_retries_due_idx ON delivery_retries (due_at);
CREATE INDEX delivery_retries_user_idx ON delivery_retries (user_id);
