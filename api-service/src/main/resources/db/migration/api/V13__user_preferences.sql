-- How each user wants alerts delivered to their channels (GET/PUT /users/{id}/preferences; common's
-- DeliveryPreferences): the IANA time zone their days and hours are counted in, quiet hours (local start and end, a
-- start after the end spanning midnight; both or neither) and a daily cap of alert messages per channel type
-- ({"EMAIL": 20}). alert-consumer reads it (PreferenceDirectory) when it delivers. No row: no quiet hours, no caps.
CREATE TABLE user_preferences (
    user_id     uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    time_zone   text        NOT NULL,
    quiet_start time,
    quiet_end   time,
    daily_caps  jsonb       NOT NULL DEFAULT '{}',
    updated_at  timestamptz NOT NULL,
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL)),
    CHECK (quiet_start IS NULL OR quiet_start <> quiet_end),
    CHECK (jsonb_typeof(daily_caps) = 'object')
);
