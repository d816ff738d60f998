-- A holding is either a position (quantity and average cost) or a watch entry (neither: a symbol
-- watched for its price thresholds, as the Go system this ports kept its stock entries).
ALTER TABLE holdings
    ALTER COLUMN quantity DROP NOT NULL,
    ALTER COLUMN average_cost DROP NOT NULL,
    ADD CONSTRAINT holdings_position_or_watch_check CHECK ((quantity IS NULL) = (average_cost IS NULL));

-- A holding keeps one price-at-or-above rule per threshold, so several rules may name it.
DROP INDEX alert_rules_holding_key;
CREATE INDEX alert_rules_holding_idx ON alert_rules (holding_id) WHERE holding_id IS NOT NULL;
