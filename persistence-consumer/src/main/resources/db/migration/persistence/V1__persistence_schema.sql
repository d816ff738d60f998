-- Tables owned and written by persistence-consumer, in schema "persistence".
-- api-service reads them for history, portfolio valuation and fired alerts.

-- Every price tick, partitioned by day of observation. Idempotent by event id: a tick always has
-- the same observed_at, so (observed_at, event_id) is unique exactly when event_id is.
CREATE TABLE price_ticks (
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
CREATE INDEX price_ticks_symbol_time_idx ON price_ticks (symbol, observed_at DESC);

-- Creates the daily partitions of price_ticks covering [from_day, to_day]; existing ones are kept.
CREATE FUNCTION ensure_price_tick_partitions(from_day date, to_day date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    day     date := from_day;
    created integer := 0;
    part    text;
BEGIN
    WHILE day <= to_day LOOP
        part := format('price_ticks_%s', to_char(day, 'YYYYMMDD'));
        IF to_regclass(format('%I.%I', current_schema(), part)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF price_ticks FOR VALUES FROM (%L) TO (%L)',
                           part, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        day := day + 1;
    END LOOP;
    RETURN created;
END
$$;

-- Fired alerts, the history behind GET /users/{id}/alerts. Idempotent by alert id.
CREATE TABLE alerts (
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
CREATE INDEX alerts_user_time_idx ON alerts (user_id, triggered_at DESC, alert_id);
CREATE INDEX alerts_user_symbol_time_idx ON alerts (user_id, symbol, triggered_at DESC);

-- Bars and signals as the analytics service publishes them. Idempotent by event id; the newest
-- event of a bar (an amendment by a late tick) is the current one.
CREATE TABLE stock_analytics (
    event_id          uuid           PRIMARY KEY,
    symbol            text           NOT NULL,
    bar_interval      text           NOT NULL,
    window_start      timestamptz    NOT NULL,
    window_end        timestamptz    NOT NULL,
    trading_date      date           NOT NULL,
    open              numeric(24, 8) NOT NULL,
    high              numeric(24, 8) NOT NULL,
    low               numeric(24, 8) NOT NULL,
    close             numeric(24, 8) NOT NULL,
    volume            bigint         NOT NULL CHECK (volume >= 0),
    tick_count        bigint         NOT NULL CHECK (tick_count > 0),
    average           numeric(24, 8) NOT NULL,
    sma5              numeric(24, 8),
    sma20             numeric(24, 8),
    signal            text           NOT NULL CHECK (signal IN ('BULLISH', 'BEARISH', 'NEUTRAL')),
    previous_signal   text           CHECK (previous_signal IS NULL OR previous_signal IN ('BULLISH', 'BEARISH', 'NEUTRAL')),
    signal_changed    boolean        NOT NULL,
    signal_changed_at timestamptz,
    amended           boolean        NOT NULL DEFAULT false,
    occurred_at       timestamptz    NOT NULL
);
CREATE INDEX stock_analytics_bar_idx ON stock_analytics (symbol, bar_interval, window_start DESC, occurred_at DESC);

-- Audit log of everything that happened to users, portfolios and channels. Idempotent by event id.
CREATE TABLE user_event_log (
    event_id    uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL,
    event_type  text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    payload     jsonb       NOT NULL,
    stored_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_event_log_user_idx ON user_event_log (user_id, occurred_at DESC);
