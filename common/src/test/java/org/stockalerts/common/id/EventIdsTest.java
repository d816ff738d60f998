package org.stockalerts.common.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00.123Z");
    private static final Clock FIXED = Clock.fixed(START, ZoneOffset.UTC);

    @Test
    void isAVersion7UuidWithTheIetfVariant() {
        // Given event ids on a fixed clock
        EventIds ids = new EventIds(FIXED);

        // When one is drawn
        UUID id = ids.next();

        // Then it is a version 7 UUID with variant bits 10
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void startsWithTheClocksMilliseconds() {
        // Given event ids on a fixed clock
        EventIds ids = new EventIds(FIXED);

        // When one is drawn
        UUID id = ids.next();

        // Then its first 48 bits are the clock's epoch milliseconds
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(START.toEpochMilli());
        assertThat(id.toString().replace("-", "").substring(0, 12))
                .isEqualTo(String.format("%012x", START.toEpochMilli()));
    }

    @Test
    void sortsLaterIdsAfterEarlierOnes() {
        // Given one id drawn now and ids drawn one millisecond and one day later
        UUID now = new EventIds(FIXED).next();
        UUID aMillisecondLater = new EventIds(Clock.offset(FIXED, Duration.ofMillis(1))).next();
        UUID aDayLater = new EventIds(Clock.offset(FIXED, Duration.ofDays(1))).next();

        // When / Then their timestamp prefixes, and so their text, increase with the clock
        assertThat(aMillisecondLater.getMostSignificantBits() >>> 16)
                .isEqualTo((now.getMostSignificantBits() >>> 16) + 1);
        assertThat(aMillisecondLater.toString()).isGreaterThan(now.toString());
        assertThat(aDayLater.toString()).isGreaterThan(aMillisecondLater.toString());
    }

    @Test
    void drawsDistinctIdsWithinTheSameMillisecond() {
        // Given a clock that never moves
        EventIds ids = new EventIds(FIXED);
        Set<UUID> drawn = new HashSet<>();

        // When many ids are drawn
        for (int i = 0; i < 10_000; i++) {
            drawn.add(ids.next());
        }

        // Then they are all different, yet all carry the same timestamp
        assertThat(drawn).hasSize(10_000);
        assertThat(drawn)
                .allSatisfy(id -> assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(START.toEpochMilli()));
    }
}
