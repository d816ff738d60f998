package org.stockalerts.faults;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.stockalerts.alerting.engine.BruteForceEngine;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.PriceTick;

/**
 * The alerts the run must produce, from the engine's property-test reference ({@link
 * BruteForceEngine}) over the fixed rules and the acknowledged ticks: those the measured ticks fire
 * ({@link #expected}), and those the warm-up ticks may have fired ({@link #warmUp}), which the checks
 * ignore (the engine may have seen some warm-up ticks before it had the rules).
 */
record ExpectedAlerts(Set<UUID> warmUp, Set<UUID> expected) {

    static ExpectedAlerts of(List<AlertRule> rules, List<PriceTick> warmUpTicks, List<PriceTick> measuredTicks) {
        BruteForceEngine engine = new BruteForceEngine();
        rules.forEach(engine::upsert);
        Set<UUID> warmUp = engine.alertIds(warmUpTicks);
        return new ExpectedAlerts(warmUp, engine.alertIds(measuredTicks));
    }
}
