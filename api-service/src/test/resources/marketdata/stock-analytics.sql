-- persistence-consumer's stock_analytics table, which the /stocks routes read, copied from its V1 migration (that
-- service does not run in api-service's tests); price_ticks comes from /persistence-fixture.sql. Idempotent.
CREATE SCHEMA IF NOT EXISTS persistence;

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
