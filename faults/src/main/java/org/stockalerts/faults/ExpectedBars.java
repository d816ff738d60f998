package org.stockalerts.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.stockalerts.analytics.AnalyticsSettings;
import org.stockalerts.analytics.topology.AnalyticsDriver;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.Topics;

/**
 * The bars the run must produce: analytics-consumer's own topology ({@link AnalyticsDriver}, its
 * tests' TopologyTestDriver) over the acknowledged ticks, one driver per partition of {@code
 * stock-prices}, each fed its partition's ticks in acknowledgement order (the order of the log): the
 * service runs one stream task per partition, whose stream time, and so which bars have closed, is
 * its own. The latest revision of each published bar is kept.
 *
 * <p>A bar of another symbol closes when the stream-time punctuator next runs (every {@code
 * closeCheckInterval} of stream time, from a start that a restart moves), so a bar that ended within
 * that interval before its partition's last tick may or may not have closed: {@link #settled} says
 * which bars the oracle decides.
 *
 * @param settledUntil per symbol, its partition's last stream time less the close-check interval
 */
record ExpectedBars(Map<BarOutcome.Key, BarOutcome> bars, Map<Symbol, Instant> settledUntil) {

    static ExpectedBars of(List<PriceTick> acknowledged, AnalyticsSettings settings) throws IOException {
        Map<Integer, List<PriceTick>> byPartition = new TreeMap<>();
        for (PriceTick tick : acknowledged) {
            byPartition
                    .computeIfAbsent(
                            TicksBySymbol.partitionOf(tick.symbol(), Topics.STOCK_PRICES.partitions()),
                            p -> new ArrayList<>())
                    .add(tick);
        }
        Map<BarOutcome.Key, BarOutcome> bars = new HashMap<>();
        Map<Symbol, Instant> settledUntil = new HashMap<>();
        for (List<PriceTick> ticks : byPartition.values()) {
            bars.putAll(BarOutcome.latest(replay(ticks, settings)));
            Instant streamTime = ticks.stream()
                    .map(PriceTick::observedAt)
                    .max(Instant::compareTo)
                    .orElseThrow();
            ticks.forEach(tick -> settledUntil.put(tick.symbol(), streamTime.minus(settings.closeCheckInterval())));
        }
        return new ExpectedBars(bars, settledUntil);
    }

    /** The analytics settings the services ran with: their defaults, overridden by {@code STOCKALERTS_ANALYTICS_*}. */
    static AnalyticsSettings settings(Map<String, String> environment) {
        Map<String, Object> variables = new HashMap<>(environment);
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("env", variables)))
                .bindOrCreate("stockalerts.analytics", AnalyticsSettings.class);
    }

    /** Whether the oracle decides {@code bar}: it ended at least a close-check interval before its partition's end. */
    boolean settled(BarOutcome.Key key, BarOutcome bar) {
        Instant until = settledUntil.get(key.symbol());
        return until == null || !bar.bar().windowEnd().isAfter(until);
    }

    private static List<AnalyticsUpdated> replay(List<PriceTick> ticks, AnalyticsSettings settings) throws IOException {
        Path stateDir = Files.createTempDirectory("faults-bars");
        try (AnalyticsDriver driver = AnalyticsDriver.inMemory(settings, stateDir)) {
            ticks.forEach(driver::replay);
            return driver.published();
        } finally {
            Utils.delete(stateDir.toFile());
        }
    }
}
