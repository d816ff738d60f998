package org.stockalerts.api.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's API key, stored as its hash. A revoked key's row is deleted. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    private String name;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {}

    /** A new key of {@code userId} for the clear-text {@code key}, of which only the hash is kept. */
    public ApiKey(UUID id, UUID userId, String key, Instant createdAt) {
        this(id, userId, null, key, createdAt);
    }

    /** A new key named {@code name} (null for none), of which only the hash is kept. */
    public ApiKey(UUID id, UUID userId, String name, String key, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.keyHash = ApiKeys.hash(key);
        this.keyPrefix = ApiKeys.prefixOf(key);
        this.createdAt = createdAt;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public String prefix() {
        return keyPrefix;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the key last authenticated a request, to within {@link KeyUsage#RESOLUTION}; null if never. */
    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
