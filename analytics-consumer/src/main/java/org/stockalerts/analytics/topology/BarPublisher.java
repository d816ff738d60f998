package org.stockalerts.analytics.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.analytics.bars.OpenBar;
import org.stockalerts.analytics.signals.SignalRule;
import org.stockalerts.analytics.signals.SignalTracker;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Symbol;

/**
 * Turns a closed or amended bar into its {@link AnalyticsUpdated}. A bar of the signal interval
 * first moves the symbol's averages and signal; bars of other intervals carry them as they stand.
 * Event ids derive from symbol, interval, window and revision, so a replay writes the same ids.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class BarPublisher {

    private static final Logger log = LoggerFactory.getLogger(BarPublisher.class);

    private final Duration smaInterval;
    private final SignalRule rule;

    /** Publishes {@code bar} of {@code interval} at event time {@code now} (epoch ms). */
    AnalyticsUpdated publish(Symbol symbol, Duration interval, OpenBar bar, SignalTracker signals, long now) {
        int revision = bar.markPublished();
        SignalTracker.Reading reading = interval.equals(smaInterval)
                ? signals.onBar(bar.window().start(), bar.close(), bar.window().end(), rule)
                : signals.current();
        if (reading.changed()) {
            log.atInfo()
                    .addKeyValue("symbol", symbol)
                    .addKeyValue("signal", reading.signal())
                    .addKeyValue("previousSignal", reading.previous())
                    .addKeyValue("sma5", reading.sma5())
                    .addKeyValue("sma20", reading.sma20())
                    .log("signal changed");
        }
        return new AnalyticsUpdated(
                eventId(symbol, interval, bar.window().start(), revision),
                Instant.ofEpochMilli(now),
                AnalyticsUpdated.CURRENT_VERSION,
                symbol,
                interval,
                bar.toBar(),
                reading.sma5(),
                reading.sma20(),
                reading.signal(),
                reading.previous(),
                reading.changed(),
                reading.since() == SignalTracker.NEVER ? null : Instant.ofEpochMilli(reading.since()),
                revision > 0);
    }

    private static UUID eventId(Symbol symbol, Duration interval, long windowStart, int revision) {
        String name = symbol.value() + '|' + interval + '|' + windowStart + '|' + revision;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
