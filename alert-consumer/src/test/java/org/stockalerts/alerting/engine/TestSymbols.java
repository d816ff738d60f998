package org.stockalerts.alerting.engine;

import java.util.List;
import java.util.stream.IntStream;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.kafka.TicksBySymbol;
import org.stockalerts.common.kafka.Topics;

/**
 * Symbols by their partition. TopologyTestDriver puts every record on partition 0, so there a
 * symbol of partition 0 arrives at home and any other symbol away from it.
 */
final class TestSymbols {

    private TestSymbols() {}

    /** {@code count} symbols {@code prefix}0, {@code prefix}1, … whose partition is (or is not) 0. */
    static List<Symbol> onPartitionZero(String prefix, boolean zero, int count) {
        return IntStream.range(0, 10_000)
                .mapToObj(i -> Symbol.of(prefix + i))
                .filter(symbol -> (partitionOf(symbol) == 0) == zero)
                .limit(count)
                .toList();
    }

    static int partitionOf(Symbol symbol) {
        return TicksBySymbol.partitionOf(symbol, Topics.STOCK_PRICES.partitions());
    }
}
