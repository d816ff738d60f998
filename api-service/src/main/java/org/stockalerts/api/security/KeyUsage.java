package org.stockalerts.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Keeps {@code api_keys.last_used_at} to within {@link #RESOLUTION}: a key that authenticates many
 * requests costs one write per resolution, not one per request.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class KeyUsage {

    /** How stale a key's {@code lastUsedAt} may be. */
    static final Duration RESOLUTION = Duration.ofMinutes(1);

    private final KeyLookup keys;
    private final Clock clock;

    void used(KeyLookup.ActiveKey key) {
        Instant now = clock.instant();
        Instant since = now.minus(RESOLUTION);
        if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(since)) {
            keys.recordUse(key.id(), now, since);
        }
    }
}
