package org.stockalerts.common.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    private static final UUID RULE = UUID.fromString("0b7c9d2e-1111-4a4a-9b9b-000000000001");
    private static final UUID TICK = UUID.fromString("0b7c9d2e-2222-4a4a-9b9b-000000000002");

    @Test
    void alertIdIsTheSameForTheSameRuleAndInput() {
        assertThat(AlertIds.of(RULE, TICK)).isEqualTo(AlertIds.of(RULE, TICK));
    }

    @Test
    void alertIdDiffersForAnotherRuleOrInputOrOrder() {
        UUID id = AlertIds.of(RULE, TICK);

        assertThat(AlertIds.of(UUID.randomUUID(), TICK)).isNotEqualTo(id);
        assertThat(AlertIds.of(RULE, UUID.randomUUID())).isNotEqualTo(id);
        assertThat(AlertIds.of(TICK, RULE)).isNotEqualTo(id);
    }

    @Test
    void alertIdIsANameBasedVersion5Uuid() {
        UUID id = AlertIds.of(RULE, TICK);

        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
        assertThatThrownBy(() -> AlertIds.of(null, TICK)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eventIdsAreVersion7AndOrderedByTheClock() {
        Instant start = Instant.parse("2026-11-25T12:00:00Z");
        EventIds earlier = new EventIds(Clock.fixed(start, ZoneOffset.UTC));
        EventIds later = new EventIds(Clock.offset(Clock.fixed(start, ZoneOffset.UTC), Duration.ofMillis(1)));

        UUID first = earlier.next();
        UUID second = later.next();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isEqualTo(start.toEpochMilli());
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), second.getMostSignificantBits()))
                .isNegative();
    }

    @Test
    void eventIdsAreUniqueWithinTheSameMillisecond() {
        EventIds ids = new EventIds(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
        Set<UUID> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            seen.add(ids.next());
        }

        assertThat(seen).hasSize(10_000);
    }
}
