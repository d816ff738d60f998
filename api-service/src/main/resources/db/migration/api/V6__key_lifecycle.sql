-- A user may hold several API keys (POST /users/{id}/keys), each with an optional name to tell them
-- apart in GET /users/{id}/keys. A revoked key's row is deleted, so revoked keys never pile up.
ALTER TABLE api_keys
    ADD COLUMN name text CHECK (name IS NULL OR length(name) BETWEEN 1 AND 100);

CREATE INDEX api_keys_user_created_idx ON api_keys (user_id, created_at, id);
DROP INDEX api_keys_user_idx;
