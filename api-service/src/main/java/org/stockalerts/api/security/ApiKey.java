package org.stockalerts.api.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's API key, stored as its hash. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {}

    /** A new key of {@code userId} for the clear-text {@code key}, of which only the hash is kept. */
    public ApiKey(UUID id, UUID userId, String key, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.keyHash = ApiKeys.hash(key);
        this.keyPrefix = ApiKeys.prefixOf(key);
        this.createdAt = createdAt;
    }

    public UUID userId() {
        return userId;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
