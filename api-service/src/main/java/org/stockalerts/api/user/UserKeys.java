package org.stockalerts.api.user;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockalerts.api.quota.Quotas;
import org.stockalerts.api.security.ApiKey;
import org.stockalerts.api.security.ApiKeyRepository;
import org.stockalerts.api.security.ApiKeys;
import org.stockalerts.api.web.NotFoundException;
import org.stockalerts.common.id.EventIds;

/**
 * A user's API keys: created within the keys quota, listed, and revoked (the row deleted, so the key
 * is refused from the next request on). Every change holds the user's row lock, so two concurrent
 * revocations can never take away both of the last two keys.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class UserKeys {

    private static final Logger log = LoggerFactory.getLogger(UserKeys.class);

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final Quotas quotas;
    private final EventIds ids;
    private final Clock clock;

    @Transactional
    KeyDtos.CreatedKey create(UUID userId, String name) {
        lockUser(userId);
        String key = ApiKeys.generate();
        ApiKey created = quotas.guarded(
                userId,
                () -> keys.save(
                        new ApiKey(ids.next(), userId, name == null ? null : name.strip(), key, clock.instant())));
        log.atInfo()
                .addKeyValue("userId", userId)
                .addKeyValue("keyId", created.id())
                .log("API key created");
        return KeyDtos.CreatedKey.of(created, key);
    }

    @Transactional(readOnly = true)
    List<ApiKey> list(UUID userId) {
        if (!users.existsById(userId)) {
            throw NotFoundException.user(userId);
        }
        return keys.findByUserIdOrderByCreatedAtAscIdAsc(userId);
    }

    @Transactional
    void revoke(UUID userId, UUID keyId) {
        lockUser(userId);
        ApiKey key = keys.findByIdAndUserId(keyId, userId).orElseThrow(() -> new NotFoundException("API key", keyId));
        if (keys.countByUserId(userId) <= 1) {
            throw new LastKeyException();
        }
        keys.delete(key);
        log.atInfo().addKeyValue("userId", userId).addKeyValue("keyId", keyId).log("API key revoked");
    }

    private void lockUser(UUID userId) {
        users.lockById(userId).orElseThrow(() -> NotFoundException.user(userId));
    }
}
