-- The persistence service's tables that api-service reads, copied from its V1 and V2 migrations: the
-- persistence service does not run in api-service's tests. Idempotent, run before every test.
CREATE SCHEMA IF NOT EXISTS persistence;

CREATE TABLE IF NOT EXISTS persistence.price_ticks (
    event_id       uuid           NOT NULL,
    symbol         text           NOT NULL,
    price          numeric(24, 8) NOT NULL CHECK (price > 0),
    volume         bigint         CHECK (volume IS NULL OR volume >= 0),
    day_open       numeric(24, 8),
    day_high       numeric(24, 8),
    day_low        numeric(24, 8),
    previous_close numeric(24, 8),
    source         text           NOT NULL CHECK (source IN ('alphavantage', 'simulated', 'replay')),
    observed_at    timestamptz    NOT NULL,
    occurred_at    timestamptz    NOT NULL,
    PRIMARY KEY (observed_at, event_id)
) PARTITION BY RANGE (observed_at);
CREATE TABLE IF NOT EXISTS persistence.price_ticks_default PARTITION OF persistence.price_ticks DEFAULT;
CREATE INDEX IF NOT EXISTS price_ticks_symbol_time_idx ON persistence.price_ticks (symbol, observed_at DESC);

CREATE TABLE IF NOT EXISTS persistence.alerts (
    alert_id        uuid           PRIMARY KEY,
    event_id        uuid           NOT NULL UNIQUE,
    user_id         uuid           NOT NULL,
    rule_id         uuid           NOT NULL,
    symbol          text,
    condition       text           NOT NULL,
    observed_value  numeric(24, 8) NOT NULL,
    message         text           NOT NULL,
    source_event_id uuid           NOT NULL,
    observed_at     timestamptz    NOT NULL,
    triggered_at    timestamptz    NOT NULL,
    payload         jsonb          NOT NULL,
    stored_at       timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS alerts_user_time_idx ON persistence.alerts (user_id, triggered_at DESC, alert_id);
-- V2: each alert's alerts-triggered partition and offset (its cursor); none for rows stored before.
ALTER TABLE persistence.alerts ADD COLUMN IF NOT EXISTS kafka_partition integer CHECK (kafka_partition >= 0);
ALTER TABLE persistence.alerts ADD COLUMN IF NOT EXISTS kafka_offset bigint CHECK (kafka_offset >= 0);
CREATE INDEX IF NOT EXISTS alerts_user_position_idx ON persistence.alerts (user_id, kafka_partition, kafka_offset)
    WHERE kafka_partition IS NOT NULL;
CREATE INDEX IF NOT EXISTS alerts_position_idx ON persistence.alerts (kafka_partition, kafka_offset)
    WHERE kafka_partition IS NOT NULL;
