-- When a webhook target's circuit closes again (a probe got through), the retries parked for it are made at once
-- instead of at their scheduled times: leased_until tells a row a poll has claimed (and is sending) from one that
-- waits, so releasing never hands a row that is being sent to a second poll; the index finds a target's rows.
ALTER TABLE delivery_retries ADD COLUMN leased_until timestamptz;
CREATE INDEX delivery_retries_channel_idx ON delivery_retries (channel_id);
