package org.stockalerts.api.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.common.event.ChannelTarget;
import org.stockalerts.common.event.ChannelType;

/**
 * A delivery target of a user: an e-mail address or a webhook URL with its signing secret, sealed
 * ({@link ChannelSecrets}), and during a rotation's overlap the sealed secret it replaced.
 */
@Entity
@Table(name = "notification_channels")
class ChannelEntity {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChannelType type;

    @Column(nullable = false)
    private String address;

    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ChannelEntity() {}

    /** @param secret the sealed webhook secret; null for e-mail */
    ChannelEntity(UUID id, UUID userId, ChannelType type, String address, String secret, Instant now) {
        this.id = id;
        this.userId = userId;
        this.type = type;
        this.address = address;
        this.secret = secret;
        this.enabled = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    /**
     * Replaces the secret. The one it replaces signs next to it until {@code previousExpiresAt}, when
     * that is after {@code now}; a secret replaced before is dropped at once, so at most two sign.
     */
    void rotateSecret(String sealedSecret, String sealedPrevious, Instant previousExpiresAt, Instant now) {
        boolean overlap = previousExpiresAt.isAfter(now);
        this.previousSecret = overlap ? sealedPrevious : null;
        this.previousSecretExpiresAt = overlap ? previousExpiresAt : null;
        this.secret = sealedSecret;
        this.updatedAt = now;
    }

    ChannelTarget toTarget() {
        return new ChannelTarget(id, type, address, enabled);
    }

    UUID id() {
        return id;
    }

    ChannelType type() {
        return type;
    }

    String address() {
        return address;
    }

    String secret() {
        return secret;
    }

    boolean enabled() {
        return enabled;
    }

    Instant createdAt() {
        return createdAt;
    }
}
