-- Feed notices (FeedNotices): one per feed-status event and user with an active rule on its symbol, telling them the
-- symbol's market data went blind (STALE) or came back (RESUMED). notice_id is derived from the event's id and the
-- user's, so a redelivered event inserts nothing; sent_at is set once the notice went out through the user's channels,
-- so a redelivery after a crash sends only what was not sent. api-service lists them as the user's in-app notices.
-- Rows recorded more than STOCKALERTS_DELIVERY_FEED_NOTICE_RETENTION (30 days) ago are deleted as new ones are recorded.
CREATE TABLE feed_notices (
    notice_id  uuid PRIMARY KEY,
    event_id   uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    symbol     text        NOT NULL,
    status     text        NOT NULL CHECK (status IN ('STALE', 'RESUMED')),
    problem    text        NOT NULL CHECK (problem IN ('NO_TICKS', 'QUOTA_EXHAUSTED', 'UNKNOWN_SYMBOL')),
    detail     text        NOT NULL,
    at         timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    sent_at    timestamptz
);
CREATE INDEX feed_notices_user_idx ON feed_notices (user_id, at DESC);
CREATE INDEX feed_notices_created_idx ON feed_notices (created_at);
