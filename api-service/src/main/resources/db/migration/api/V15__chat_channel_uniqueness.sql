-- A chat channel's stored address is only its masked form, which two different channels may share (two ntfy topics
-- ending alike): uniqueness by address holds for webhook and e-mail channels only. api-service compares a new chat
-- channel with the user's others by their sealed addresses (Channels.add).
ALTER TABLE notification_channels DROP CONSTRAINT notification_channels_user_id_type_address_key;
CREATE UNIQUE INDEX notification_channels_address_key ON notification_channels (user_id, type, address)
    WHERE type IN ('EMAIL', 'WEBHOOK');
