package org.stockalerts.api.user;

import java.util.UUID;

/**
 * Told, inside the deleting transaction, that a user is about to be deleted, so features that
 * announced the user's data elsewhere (rules on {@code alert-rules}) can withdraw it.
 */
@FunctionalInterface
public interface UserDeletionListener {

    void beforeUserDeleted(UUID userId);
}
