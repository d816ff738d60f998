package org.stockalerts.api.security;

import java.util.UUID;
import org.stockalerts.api.web.NotFoundException;

/** The access rule of user-scoped routes: a user reaches only their own id; any other id is a 404. */
public final class Ownership {

    private Ownership() {}

    /**
     * Returns {@code userId} when it is the caller's own.
     *
     * @throws NotFoundException otherwise, so the caller learns nothing about other users
     */
    public static UUID requireSelf(UUID userId, UUID caller) {
        if (!userId.equals(caller)) {
            throw NotFoundException.user(userId);
        }
        return userId;
    }

    /**
     * Returns the caller, whom a body or query parameter may name (as the Go system's did) but need not.
     *
     * @throws NotFoundException when {@code named} is another user
     */
    public static UUID requireSelfIfNamed(UUID named, UUID caller) {
        return named == null ? caller : requireSelf(named, caller);
    }

    /**
     * Returns {@code userId} when it is the caller's own or the caller holds the admin key.
     *
     * @throws NotFoundException otherwise, so the caller learns nothing about other users
     */
    public static UUID requireSelfOrAdmin(UUID userId, Caller caller) {
        if (!caller.admin() && !caller.owns(userId)) {
            throw NotFoundException.user(userId);
        }
        return userId;
    }
}
