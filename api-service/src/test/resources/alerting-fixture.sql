-- alert-consumer's delivery log that api-service reads, copied from its V1 migration
-- (alert-consumer/src/main/resources/db/migration/alerting/V1__alerting_schema.sql): alert-consumer does
-- not run in api-service's tests. Idempotent, run before every test that reads it.
CREATE SCHEMA IF NOT EXISTS alerting;

CREATE TABLE IF NOT EXISTS alerting.alert_deliveries (
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
CREATE INDEX IF NOT EXISTS alert_deliveries_alert_idx ON alerting.alert_deliveries (alert_id, channel, attempt);
