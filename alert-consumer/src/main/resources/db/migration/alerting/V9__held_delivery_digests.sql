-- The digest a held delivery was first attempted in: its retries carry the same alerts under the same id (a webhook's
-- webhook-id), and alerts held later go out in a digest of their own. NULL until the first attempt.
ALTER TABLE held_deliveries ADD COLUMN digest_id uuid;
