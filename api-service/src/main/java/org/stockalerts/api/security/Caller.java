package org.stockalerts.api.security;

import java.util.Objects;
import java.util.UUID;

/**
 * Who sent the request: a user (by their API key or a token of the configured OpenID Connect issuer) or the
 * operator (by the admin key).
 *
 * @param userId the authenticated user; null for the admin
 */
public record Caller(UUID userId, boolean admin) {

    /** A user authenticated by their own key or token. */
    public static Caller user(UUID userId) {
        return new Caller(Objects.requireNonNull(userId, "userId"), false);
    }

    /** The operator, authenticated by the admin key; owns no user's data. */
    public static Caller administrator() {
        return new Caller(null, true);
    }

    /** Whether this caller is the user {@code userId}; everyone else must get 404 for it. */
    public boolean owns(UUID userId) {
        return !admin && this.userId.equals(userId);
    }
}
