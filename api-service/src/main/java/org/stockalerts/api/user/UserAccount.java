package org.stockalerts.api.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.stockalerts.api.database.StampedEntity;

/** A registered user. */
@Entity
@Table(name = "users")
public class UserAccount extends StampedEntity {

    @Column(nullable = false)
    private String name;

    private String email;

    protected UserAccount() {}

    public UserAccount(UUID id, String name, String email, Instant createdAt) {
        super(id, createdAt);
        this.name = name;
        this.email = email;
    }

    void rename(String name, Instant at) {
        this.name = name;
        touched(at);
    }

    void changeEmail(String email, Instant at) {
        this.email = email;
        touched(at);
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }
}
