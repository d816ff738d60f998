-- One feed notice per outage (FeedNotices): before telling the watchers of a symbol, the newest notice of each of them
-- about it is looked up by (user_id, symbol), newest first; this index answers that with one index probe per user.
CREATE INDEX feed_notices_user_symbol_idx ON feed_notices (user_id, symbol, at DESC, created_at DESC);
