-- Rows a Go installation may hold, good and bad. Prices and alerts are recent (the port keeps price
-- history for a limited number of days) except one price far older than any retention.
INSERT INTO users (id, name, email) VALUES
    (1, 'Ada Lovelace', 'ada@example.com'),
    (2, 'Grace Hopper', 'grace@example.com'),
    -- unique in the Go version (case-sensitive), a duplicate in the port (case-insensitive)
    (3, 'Ada Again', 'ADA@Example.com');
INSERT INTO portfolios (id, user_id) VALUES (1, 1), (2, 2), (3, 3);
INSERT INTO stocks (id, portfolio_id, stock_symbol, threshold_price) VALUES
    (1, 1, 'AAPL', 150),
    -- the same symbol twice: two watch entries with two thresholds
    (2, 1, 'AAPL', 180.5),
    (3, 1, 'msft', 300),
    (4, 2, 'TSLA', 200),
    (5, 2, 'BAD SYM!', 10),
    (6, 2, 'NVDA', -5),
    (7, 3, 'AAPL', 100);
INSERT INTO alerts (id, user_id, stock_symbol, price, "timestamp") VALUES
    (1, 1, 'AAPL', 155.25, now() - interval '2 days'),
    (2, 1, 'AAPL', 181, now() - interval '1 day'),
    (3, 2, 'TSLA', 210.5, now() - interval '1 day'),
    (4, 2, 'TSLA', -3, now() - interval '1 day'),
    (5, 3, 'AAPL', 101, now() - interval '1 day');
INSERT INTO stock_prices (id, symbol, price, "timestamp") VALUES
    (1, 'AAPL', 155.25, now() - interval '2 days'),
    (2, 'TSLA', 210.5, now() - interval '1 day'),
    (3, 'MSFT', 310.75, now() - interval '3 days'),
    (4, 'AAPL', -1, now() - interval '1 day'),
    (5, 'AAPL', 90, now() - interval '400 days');
INSERT INTO stock_analytics (id, symbol, avg5, avg20, signal, generated_at) VALUES
    (1, 'AAPL', 154.2, 150.9, 'BULLISH', now() - interval '1 day');
SELECT setval(pg_get_serial_sequence(t, 'id'), 100)
  FROM unnest(ARRAY['users', 'portfolios', 'stocks', 'alerts', 'stock_prices', 'stock_analytics']) AS t;
