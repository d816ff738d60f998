-- The newest tick of every symbol: what quotes and portfolio valuations read (api-service), one row per
-- symbol found by its key, where the newest row of price_ticks costs a plan and a scan over every daily
-- partition (each quote took milliseconds with a month of history, more with each day kept).
--
-- Kept by a trigger on price_ticks, in the transaction that stores the ticks, whoever writes them (the
-- tick writer's COPY, its staging merge, import-seed's INSERTs): one statement per stored batch over the
-- rows it really inserted (a tick stored already inserts nothing, so it changes nothing here). "Newest"
-- is price_ticks' own order, (observed_at, event_id), so a late tick never replaces a newer one. A symbol
-- whose history is dropped by retention keeps its last tick here: still its latest known price.
CREATE TABLE latest_ticks (
    LIKE price_ticks INCLUDING CONSTRAINTS,
    PRIMARY KEY (symbol)
);

INSERT INTO latest_ticks
SELECT DISTINCT ON (symbol) *
  FROM price_ticks
 ORDER BY symbol, observed_at DESC, event_id DESC;

-- SECURITY DEFINER: runs as this schema's owner, so a role allowed to insert ticks needs no rights here.
CREATE FUNCTION keep_latest_ticks() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
BEGIN
    -- symbol order: concurrent batches lock the rows they share in the same order
    INSERT INTO latest_ticks AS latest
    SELECT DISTINCT ON (symbol) *
      FROM stored_ticks
     ORDER BY symbol, observed_at DESC, event_id DESC
    ON CONFLICT (symbol) DO UPDATE
       SET event_id = EXCLUDED.event_id,
           price = EXCLUDED.price,
           volume = EXCLUDED.volume,
           day_open = EXCLUDED.day_open,
           day_high = EXCLUDED.day_high,
           day_low = EXCLUDED.day_low,
           previous_close = EXCLUDED.previous_close,
           source = EXCLUDED.source,
           observed_at = EXCLUDED.observed_at,
           occurred_at = EXCLUDED.occurred_at
     WHERE (latest.observed_at, latest.event_id) < (EXCLUDED.observed_at, EXCLUDED.event_id);
    RETURN NULL;
END
$$;

CREATE TRIGGER price_ticks_keep_latest
    AFTER INSERT ON price_ticks
    REFERENCING NEW TABLE AS stored_ticks
    FOR EACH STATEMENT EXECUTE FUNCTION keep_latest_ticks();
