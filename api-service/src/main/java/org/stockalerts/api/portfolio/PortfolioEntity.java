package org.stockalerts.api.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's one portfolio. */
@Entity
@Table(name = "portfolios")
public class PortfolioEntity {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PortfolioEntity() {}

    PortfolioEntity(UUID id, UUID userId, String name, Instant now) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void touch(String newName, Instant now) {
        if (newName != null) {
            this.name = newName;
        }
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
