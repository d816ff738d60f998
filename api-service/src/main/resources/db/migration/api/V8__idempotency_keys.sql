-- The stored answers of create requests sent with an Idempotency-Key: a retry with the same key gets
-- the first answer again instead of creating a second resource. A row is written in the transaction
-- of the create it answers, so a create never commits without it (and it never without the create).
-- The key itself is not kept: key_hash is SHA-256 over the user and the key, and body is sealed with
-- AES-256-GCM under a key derived from them (an answer can carry a webhook's signing secret).
CREATE TABLE idempotency_keys (
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key_hash      bytea       NOT NULL CHECK (length(key_hash) = 32),
    route         text        NOT NULL,
    request_hash  bytea       NOT NULL CHECK (length(request_hash) = 32),
    status        smallint    NOT NULL CHECK (status BETWEEN 200 AND 299),
    content_type  text,
    location      text,
    body          bytea       NOT NULL,
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, key_hash)
);

CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
