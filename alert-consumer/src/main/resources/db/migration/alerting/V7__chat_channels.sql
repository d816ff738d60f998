-- Deliveries to Slack, Discord, Telegram and ntfy channels are logged like webhook and e-mail ones.
ALTER TABLE alert_deliveries DROP CONSTRAINT alert_deliveries_channel_check;
ALTER TABLE alert_deliveries
    ADD CONSTRAINT alert_deliveries_channel_check
        CHECK (channel IN ('IN_APP', 'WEBHOOK', 'EMAIL', 'SLACK', 'DISCORD', 'TELEGRAM', 'NTFY'));
