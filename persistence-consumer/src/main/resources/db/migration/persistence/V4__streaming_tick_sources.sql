-- Ticks of the streaming providers (Finnhub's and Alpaca's WebSocket trades) are stored like the others. The new
-- check is added NOT VALID (no scan under the table's lock); V5 validates it in a transaction of its own, which
-- does not block writes.
ALTER TABLE price_ticks DROP CONSTRAINT price_ticks_source_check;
ALTER TABLE price_ticks
    ADD CONSTRAINT price_ticks_source_check
        CHECK (source IN ('alphavantage', 'simulated', 'replay', 'finnhub', 'alpaca')) NOT VALID;
