-- persistence-consumer's tables that the /stocks routes read, copied from its V1 migration (that
-- service does not run in api-service's tests). Idempotent: runs before every test that needs it.
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
-- one partition holding every test tick
CREATE TABLE IF NOT EXISTS persistence.price_ticks_default PARTITION OF persistence.price_ticks DEFAULT;
CREATE INDEX IF NOT EXISTS price_ticks_symbol_time_idx ON persistence.price_ticks (symbol, observed_at DESC);

CREATE TABLE IF NOT EXISTS persistence.stock_analytics (
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
CREATE INDEX IF NOT EXISTS stock_analytics_bar_idx
    ON persistence.stock_analytics (symbol, bar_interval, window_start DESC, occurred_at DESC);
