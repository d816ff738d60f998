package org.stockalerts.api.user;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.outbox.OutboxWriter;
import org.stockalerts.api.security.ApiKey;
import org.stockalerts.api.security.ApiKeyRepository;
import org.stockalerts.api.security.ApiKeys;
import org.stockalerts.api.web.ConflictException;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.event.UserRegistered;
import org.stockalerts.common.id.EventIds;

/** Registration, profile changes and deletion of users, each with its event in the outbox. */
@Service
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);

    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final OutboxWriter outbox;
    private final List<UserDeletionListener> deletionListeners;
    private final EventIds ids;
    private final Clock clock;

    UserAccounts(
            UserRepository users,
            ApiKeyRepository keys,
            OutboxWriter outbox,
            List<UserDeletionListener> deletionListeners,
            EventIds ids,
            Clock clock) {
        this.users = users;
        this.keys = keys;
        this.outbox = outbox;
        this.deletionListeners = List.copyOf(deletionListeners);
        this.ids = ids;
        this.clock = clock;
    }

    /** Registers a user with a fresh API key, returned in clear this once. */
    @Transactional
    public UserDtos.RegisteredUser register(String name, String email) {
        String normalizedEmail = normalize(email);
        if (normalizedEmail != null && users.existsByEmailIgnoreCase(normalizedEmail)) {
            throw new ConflictException("e-mail address already registered");
        }
        Instant now = clock.instant();
        UserAccount user = users.save(new UserAccount(ids.next(), name.strip(), normalizedEmail, now));
        String key = ApiKeys.generate();
        keys.save(new ApiKey(ids.next(), user.id(), key, now));
        publishProfile(user);
        log.atInfo().addKeyValue("userId", user.id()).log("user registered");
        return new UserDtos.RegisteredUser(user.id(), user.name(), user.email(), user.createdAt(), key);
    }

    /**
     * Registers a user who signs in with a token of an OpenID Connect issuer ({@link IdentityLinks}): no API key,
     * and no e-mail address from the token (one the user sets with {@code PATCH} is checked for uniqueness there).
     * The row is written at once, so that the caller's transaction can link it.
     */
    @Transactional
    public UUID registerFederated(String name) {
        UserAccount user = users.saveAndFlush(new UserAccount(ids.next(), name, null, clock.instant()));
        publishProfile(user);
        return user.id();
    }

    /** Applies the present fields of {@code change} to the user. */
    @Transactional
    public UserAccount update(UUID userId, UserDtos.UpdateUser change) {
        UserAccount user = users.lockById(userId).orElseThrow(() -> NotFoundException.user(userId));
        Instant now = clock.instant();
        if (change.name() != null) {
            user.rename(change.name().strip(), now);
        }
        if (change.email() != null) {
            String email = normalize(change.email());
            if (email != null && users.existsByEmailIgnoreCaseAndIdNot(email, userId)) {
                throw new ConflictException("e-mail address already registered");
            }
            user.changeEmail(email, now);
        }
        publishProfile(user);
        return user;
    }

    /**
     * Deletes the user with everything they own (keys, portfolio, rules and channels go with the row);
     * their rules are withdrawn from the alert engine, and their earlier user events, which carry their
     * name, e-mail and channel addresses, leave the outbox. The {@code UserDeleted} published instead
     * tells the other services to forget the user too.
     */
    @Transactional
    public void delete(UUID userId) {
        UserAccount user = users.lockById(userId).orElseThrow(() -> NotFoundException.user(userId));
        deletionListeners.forEach(listener -> listener.beforeUserDeleted(userId));
        users.delete(user);
        outbox.forgetUser(userId);
        Instant now = clock.instant();
        outbox.userEvent(new UserDeleted(ids.next(), now, UserDeleted.CURRENT_VERSION, userId));
        log.atInfo().addKeyValue("userId", userId).log("user deleted");
    }

    private void publishProfile(UserAccount user) {
        outbox.userEvent(new UserRegistered(
                ids.next(), clock.instant(), UserRegistered.CURRENT_VERSION, user.id(), user.name(), user.email()));
    }

    private static String normalize(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }
}
