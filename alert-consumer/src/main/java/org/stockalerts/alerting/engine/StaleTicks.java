package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.rules.SymbolState;

/**
 * Ticks the engine does not evaluate because they are not newer than the last evaluated tick of
 * their symbol (see {@link SymbolState#accepts}): a second producer of the symbol whose ticks lag
 * (a replay next to a live stream, a slower provider), ticks of one symbol spread over several
 * partitions, a redelivered tick. Each is counted in {@value #METRIC} by reason and logged at debug
 * with both ticks' ids and times, so none goes without a trace.
 */
final class StaleTicks {

    /** Counter of ticks not evaluated, tagged {@code reason}: older, same-time or duplicate. */
    static final String METRIC = "stockalerts.engine.ticks.ignored";

    private static final Logger log = LoggerFactory.getLogger(StaleTicks.class);

    enum Reason {
        /** Observed before the last evaluated tick. */
        OLDER,
        /** Observed at the same instant as the last evaluated tick, but another tick. */
        SAME_TIME,
        /** The last evaluated tick again (same eventId). */
        DUPLICATE;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

    StaleTicks(MeterRegistry meters) {
        for (Reason reason : Reason.values()) {
            counters.put(
                    reason,
                    Counter.builder(METRIC)
                            .description("Ticks not evaluated: not newer than the last evaluated tick of their symbol")
                            .tag("reason", reason.tag())
                            .register(meters));
        }
    }

    /** Counts and logs {@code tick}, which {@code last} did not accept. */
    void ignored(PriceTick tick, SymbolState last) {
        Reason reason = tick.eventId().equals(last.lastEventId())
                ? Reason.DUPLICATE
                : tick.observedAt().equals(last.lastObservedAt()) ? Reason.SAME_TIME : Reason.OLDER;
        counters.get(reason).increment();
        log.atDebug()
                .addKeyValue("symbol", tick.symbol())
                .addKeyValue("eventId", tick.eventId())
                .addKeyValue("observedAt", tick.observedAt())
                .addKeyValue("source", tick.source())
                .addKeyValue("lastEventId", last.lastEventId())
                .addKeyValue("lastObservedAt", last.lastObservedAt())
                .addKeyValue("reason", reason.tag())
                .log("tick not evaluated: not newer than the last evaluated tick of its symbol");
    }
}
