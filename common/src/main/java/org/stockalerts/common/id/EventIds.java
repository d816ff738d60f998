package org.stockalerts.common.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * New event ids: time-ordered UUIDs (version 7, RFC 9562), so rows keyed by event id are inserted
 * near each other in an index instead of all over it.
 */
@RequiredArgsConstructor
public final class EventIds {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A fresh version 7 UUID whose first 48 bits are the clock's milliseconds. */
    public UUID next() {
        long millis = clock.millis();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
