-- The health of each webhook target as alert-consumer sees it (EndpointStates): since when it has
-- failed without a success, and whether it was disabled for that (or for a 410 Gone) and why. A target
-- without a row is healthy. api-service reads it to show a channel's status; it never writes it.
CREATE TABLE endpoint_states (
    channel_id      uuid        PRIMARY KEY,
    user_id         uuid        NOT NULL,
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    updated_at      timestamptz NOT NULL,
    CHECK ((disabled_at IS NULL) = (disabled_reason IS NULL))
);
CREATE INDEX endpoint_states_user_idx ON endpoint_states (user_id);
