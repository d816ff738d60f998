package org.stockalerts.benchmarks;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;

/**
 * The benchmarks' tick stream: symbols {@code S0 … S(n-1)} in turn, event time advancing 5 ms per
 * tick (so with 200 symbols each ticks once a second and closes a minute bar every 12,000 ticks),
 * prices wandering by cents, cumulative day volume rising.
 */
final class BenchmarkTicks {

    static final Instant START = Instant.parse("2026-03-02T14:30:00Z");
    static final long SPACING_MS = 5;

    private BenchmarkTicks() {}

    /**
     * The tick time bound the benchmarked topologies check ticks against: the service's clock stands
     * a day after {@link #START}, so every tick of a run (less than a day of event time) is within it
     * and the check costs what it costs in production.
     */
    static TickTimeBound bound() {
        return new TickTimeBound(
                Clock.fixed(START.plus(Duration.ofDays(1)), ZoneOffset.UTC), TickTimeSettings.defaults());
    }

    /** The {@code i}-th tick of a stream over {@code symbols} symbols. */
    static PriceTick tick(int i, int symbols) {
        Instant at = START.plusMillis(i * SPACING_MS);
        int symbol = i % symbols;
        long step = i / symbols;
        String price = String.format(Locale.ROOT, "%d.%02d", 100 + symbol % 50, (step * 7 + symbol) % 100);
        return new PriceTick(
                UUID.randomUUID(),
                at,
                PriceTick.CURRENT_VERSION,
                Symbol.of("S" + symbol),
                new BigDecimal(price),
                1_000 + step * 10,
                null,
                null,
                null,
                null,
                TickSource.SIMULATED,
                at);
    }
}
