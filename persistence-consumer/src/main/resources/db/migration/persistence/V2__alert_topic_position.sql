-- Where each fired alert sits in alerts-triggered: the partition and offset of its record. It is the
-- alert's cursor (rendered "<partition>-<offset>"), the order in which a user receives their alerts live
-- (one user's alerts share one partition: the topic is keyed by userId), on a reconnect and in
-- GET /users/{id}/alerts?after=. Rows stored before this migration have none; readers resume after
-- them by (triggered_at, alert_id), and every row with a position comes after every row without one.
ALTER TABLE alerts
    ADD COLUMN kafka_partition integer CHECK (kafka_partition >= 0),
    ADD COLUMN kafka_offset    bigint  CHECK (kafka_offset >= 0),
    ADD CONSTRAINT alerts_position_complete CHECK ((kafka_partition IS NULL) = (kafka_offset IS NULL));

-- A user's alerts in cursor order (replay and paging).
CREATE INDEX alerts_user_position_idx ON alerts (user_id, kafka_partition, kafka_offset)
    WHERE kafka_partition IS NOT NULL;

-- The highest stored offset of a partition: the persistence consumer stores a partition's records in
-- offset order, so every record up to it is stored (or was dead-lettered).
CREATE INDEX alerts_position_idx ON alerts (kafka_partition, kafka_offset) WHERE kafka_partition IS NOT NULL;
