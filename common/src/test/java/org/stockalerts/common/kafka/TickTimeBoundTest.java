package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.testsupport.MutableClock;

class TickTimeBoundTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final TickTimeBound bound = new TickTimeBound(clock, TickTimeSettings.defaults());

    @Test
    void acceptsTicksFromTheMaxAgeAgoUpToTheSkewAhead() {
        assertThat(bound.refusal(NOW)).isEmpty();
        assertThat(bound.refusal(NOW.plus(Duration.ofMinutes(1)))).isEmpty();
        assertThat(bound.refusal(NOW.minus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void refusesTicksBeyondTheSkewAheadOrTheMaxAgeBehindAndSaysWhy() {
        assertThat(bound.refusal(NOW.plus(Duration.ofMinutes(1)).plusMillis(1)))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("ahead of now").contains("PT1M"));
        assertThat(bound.refusal(NOW.plus(Duration.ofHours(1))))
                .hasValue("observedAt 2026-03-02T16:00:00Z is PT1H ahead of now (2026-03-02T15:00:00Z);"
                        + " at most PT1M allowed");
        assertThat(bound.refusal(NOW.plus(Duration.ofDays(7)))).isPresent();
        assertThat(bound.refusal(NOW.minus(Duration.ofDays(30)).minusMillis(1)))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("older than now").contains("PT720H"));
        assertThat(bound.refusal(NOW.minus(Duration.ofDays(365)))).isPresent();
    }

    @Test
    void readsTheClockAtEachCheckSoABoundMovesWithIt() {
        // Given a tick an hour ahead, refused now
        Instant inAnHour = NOW.plus(Duration.ofHours(1));
        assertThat(bound.refusal(inAnHour)).isPresent();

        // When the clock reaches it, it is accepted; when a month more has passed, it is too old
        clock.set(inAnHour);
        assertThat(bound.refusal(inAnHour)).isEmpty();
        clock.advance(Duration.ofDays(31));
        assertThat(bound.refusal(inAnHour)).isPresent();
    }

    @Test
    void refusesATickOutsideAsAMalformedRecordNamingTopicTickAndReason() {
        PriceTick ahead = TickDraft.tick("AAPL", "101", NOW.plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> bound.check(ahead, "stock-prices"))
                .isInstanceOf(TickOutOfBoundsException.class)
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith(
                        "malformed record on stock-prices: tick " + ahead.eventId() + " of AAPL refused")
                .hasMessageContaining("ahead of now");
        PriceTick fresh = TickDraft.tick("AAPL", "101", NOW);
        assertThat(bound.check(fresh, "stock-prices")).isSameAs(fresh);
    }

    @Test
    void theBoundedDeserializerRefusesWhatThePlainOneReads() {
        // Given a tick a week ahead, in the canonical shape and in another shape data binding reads
        PriceTick ahead = TickDraft.tick("AAPL", "101", NOW.plus(Duration.ofDays(7)));
        byte[] canonical = EventJson.write(ahead);
        byte[] spaced = ("  " + new String(canonical, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        // Then the plain deserializer reads both, the bounded one refuses both
        PriceTickDeserializer plain = new PriceTickDeserializer();
        PriceTickDeserializer bounded = new PriceTickDeserializer(bound);
        assertThat(plain.deserialize("stock-prices", canonical)).isEqualTo(ahead);
        assertThat(plain.deserialize("stock-prices", spaced)).isEqualTo(ahead);
        assertThatThrownBy(() -> bounded.deserialize("stock-prices", canonical))
                .isInstanceOf(TickOutOfBoundsException.class);
        assertThatThrownBy(() -> bound.serde().deserializer().deserialize("stock-prices", spaced))
                .isInstanceOf(TickOutOfBoundsException.class);
        assertThatThrownBy(() -> bounded.deserialize("stock-prices", null))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(Tombstones.REASON);
    }

    @Test
    void refusesNegativeBounds() {
        assertThatThrownBy(() -> new TickTimeBound(clock, Duration.ofSeconds(-1), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
