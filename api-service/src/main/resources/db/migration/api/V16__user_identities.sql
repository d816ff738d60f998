-- Users who sign in with a JWT of a configured OpenID Connect issuer (docs/security.md, "OpenID Connect"). The
-- issuer and the subject (the value of the configured claim, `sub` unless set) name one user: two issuers may give
-- the same subject to two people, so the key is the pair. The first token of a pair creates the user and this row
-- in one transaction; the primary key makes a concurrent first token of the same pair find that user instead.
CREATE TABLE user_identities (
    issuer      text        NOT NULL CHECK (length(issuer) BETWEEN 1 AND 2048),
    subject     text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identities_user_idx ON user_identities (user_id);
