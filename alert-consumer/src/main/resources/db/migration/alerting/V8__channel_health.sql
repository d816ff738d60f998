-- Channel health shown to users (GET /users/{id}/channels: health) and used to disable a dead channel: how many
-- attempts failed since the last success, how many of them with a final error (a deleted Slack or Discord webhook, a
-- Telegram bot blocked by the user), and the last error and when it came. Errors never carry a channel's secret.
ALTER TABLE endpoint_states ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0);
ALTER TABLE endpoint_states ADD COLUMN permanent_failures integer NOT NULL DEFAULT 0 CHECK (permanent_failures >= 0);
ALTER TABLE endpoint_states ADD COLUMN last_error text;
ALTER TABLE endpoint_states ADD COLUMN last_failure_at timestamptz;
