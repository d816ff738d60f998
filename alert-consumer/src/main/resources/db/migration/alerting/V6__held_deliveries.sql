-- Deliveries held for a digest (DeliveryPreferences): sent in the user's quiet hours, or past the daily cap of the
-- channel type. One row per alert and channel target until the digest that carries it is delivered or given up;
-- the DigestPoller claims each target's due rows with FOR UPDATE SKIP LOCKED, so any number of instances may poll.
CREATE TABLE held_deliveries (
    alert_id     uuid        NOT NULL,
    channel_id   uuid        NOT NULL,
    user_id      uuid        NOT NULL,
    reason       text        NOT NULL CHECK (reason IN ('QUIET_HOURS', 'DAILY_CAP')),
    release_at   timestamptz NOT NULL,
    held_at      timestamptz NOT NULL,
    request      jsonb       NOT NULL,
    -- failed attempts of the digest this row went out in so far
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    leased_until timestamptz,
    PRIMARY KEY (alert_id, channel_id)
);
CREATE INDEX held_deliveries_release_idx ON held_deliveries (release_at);
CREATE INDEX held_deliveries_channel_idx ON held_deliveries (channel_id, release_at);
CREATE INDEX held_deliveries_user_idx ON held_deliveries (user_id);

-- A delivery held for a digest is logged HELD; the attempt that delivers the digest carries its id, so the daily cap
-- counts single alert messages only (a digest is one message, whatever it holds).
ALTER TABLE alert_deliveries DROP CONSTRAINT alert_deliveries_outcome_check;
ALTER TABLE alert_deliveries
    ADD CONSTRAINT alert_deliveries_outcome_check CHECK (outcome IN ('DELIVERED', 'RETRYING', 'FAILED', 'SKIPPED', 'HELD'));
ALTER TABLE alert_deliveries ADD COLUMN digest_id uuid;
