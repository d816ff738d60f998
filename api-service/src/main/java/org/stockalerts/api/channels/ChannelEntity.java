package org.stockalerts.api.channels;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.api.database.StampedEntity;
import org.stockalerts.common.event.ChannelTarget;
import org.stockalerts.common.event.ChannelType;

/**
 * A delivery target of a user: an e-mail address or a webhook URL with its signing secret, sealed
 * ({@link ChannelSecrets}), and during a rotation's overlap the sealed secret it replaced.
 */
@Entity
@Table(name = "notification_channels")
class ChannelEntity extends StampedEntity {

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

    protected ChannelEntity() {}

    /** @param secret the sealed webhook secret; null for e-mail */
    ChannelEntity(UUID id, UUID userId, ChannelType type, String address, String secret, Instant now) {
        super(id, now);
        this.userId = userId;
        this.type = type;
        this.address = address;
        this.secret = secret;
        this.enabled = true;
    }

    void enable(boolean enabled, Instant now) {
        this.enabled = enabled;
        touched(now);
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
        touched(now);
    }

    ChannelTarget toTarget() {
        return new ChannelTarget(id(), type, address, enabled);
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
}
