-- Chat and push channels next to webhooks and e-mail: Slack and Discord webhooks, Telegram chats (through a bot) and
-- ntfy topics. Their address is itself a secret (the webhook URL's token, the bot token, the topic): it is stored
-- sealed in secret, and address holds the masked form the API shows (docs/delivery.md#chat-and-push-channels).
ALTER TABLE notification_channels DROP CONSTRAINT notification_channels_type_check;
ALTER TABLE notification_channels
    ADD CONSTRAINT notification_channels_type_check
        CHECK (type IN ('EMAIL', 'WEBHOOK', 'SLACK', 'DISCORD', 'TELEGRAM', 'NTFY'));
ALTER TABLE notification_channels DROP CONSTRAINT notification_channels_check;
ALTER TABLE notification_channels
    ADD CONSTRAINT notification_channels_secret_check CHECK (type = 'EMAIL' OR secret IS NOT NULL);

ALTER TABLE alert_rules DROP CONSTRAINT alert_rules_channels_check;
ALTER TABLE alert_rules
    ADD CONSTRAINT alert_rules_channels_check
        CHECK (channels <@ ARRAY['IN_APP', 'WEBHOOK', 'EMAIL', 'SLACK', 'DISCORD', 'TELEGRAM', 'NTFY']
               AND cardinality(channels) > 0);
