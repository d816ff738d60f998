-- Webhook secrets are kept sealed (AES-256-GCM, "enc1:<key id>:<base64>", docs/security.md#webhook-secrets):
-- api-service seals the plain-text secrets of earlier versions when it starts, and re-seals them with the current
-- key after a key rotation. A rotated-away secret stays valid, and signs deliveries next to the new one, until
-- previous_secret_expires_at.
ALTER TABLE notification_channels
    ADD COLUMN previous_secret            text,
    ADD COLUMN previous_secret_expires_at timestamptz,
    ADD CONSTRAINT notification_channels_previous_secret_check
        CHECK ((previous_secret IS NULL) = (previous_secret_expires_at IS NULL)),
    ADD CONSTRAINT notification_channels_previous_secret_type_check
        CHECK (type = 'WEBHOOK' OR previous_secret IS NULL);
