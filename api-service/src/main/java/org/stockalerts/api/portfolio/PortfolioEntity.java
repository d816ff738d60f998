package org.stockalerts.api.portfolio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.api.database.StampedEntity;

/** A user's one portfolio. */
@Entity
@Table(name = "portfolios")
public class PortfolioEntity extends StampedEntity {

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(nullable = false)
    private String name;

    protected PortfolioEntity() {}

    PortfolioEntity(UUID id, UUID userId, String name, Instant now) {
        super(id, now);
        this.userId = userId;
        this.name = name;
    }

    void touch(String newName, Instant now) {
        if (newName != null) {
            this.name = newName;
        }
        touched(now);
    }

    public UUID userId() {
        return userId;
    }

    String name() {
        return name;
    }
}
