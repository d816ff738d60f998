package org.stockalerts.analytics.topology;

import java.util.List;
import org.stockalerts.analytics.bars.IntervalBars;
import org.stockalerts.analytics.signals.SignalTracker;

/**
 * Everything the topology keeps about one symbol: its changeable bars per configured interval (in
 * the order of {@code stockalerts.analytics.intervals}) and its moving averages and signal.
 */
record SymbolState(List<IntervalBars> intervals, SignalTracker signals) {

    static SymbolState empty(int intervalCount) {
        IntervalBars[] bars = new IntervalBars[intervalCount];
        for (int i = 0; i < intervalCount; i++) {
            bars[i] = new IntervalBars();
        }
        return new SymbolState(List.of(bars), new SignalTracker());
    }
}
