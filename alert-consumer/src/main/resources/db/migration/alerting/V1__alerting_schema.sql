-- Tables owned and written by alert-consumer, in schema "alerting".

-- One row per delivery attempt of an alert through a channel.
CREATE TABLE alert_deliveries (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    alert_id     uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    rule_id      uuid        NOT NULL,
    channel      text        NOT NULL CHECK (channel IN ('IN_APP', 'WEBHOOK', 'EMAIL')),
    channel_id   uuid,
    attempt      integer     NOT NULL CHECK (attempt > 0),
    attempted_at timestamptz NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('DELIVERED', 'RETRYING', 'FAILED', 'SKIPPED')),
    status_code  integer,
    error        text,
    latency_ms   integer     CHECK (latency_ms IS NULL OR latency_ms >= 0),
    UNIQUE (alert_id, channel, channel_id, attempt)
);
CREATE INDEX alert_deliveries_alert_idx ON alert_deliveries (alert_id, channel, attempt);
-- at most one successful delivery per alert and channel target: a replay never sends twice
CREATE UNIQUE INDEX alert_deliveries_delivered_key
    ON alert_deliveries (alert_id, channel, coalesce(channel_id, '00000000-0000-0000-0000-000000000000'))
    WHERE outcome = 'DELIVERED';
CREATE INDEX alert_deliveries_user_idx ON alert_deliveries (user_id, attempted_at DESC);
