package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Symbol;

class SymbolRotationTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final SymbolRotation rotation = new SymbolRotation();

    @Test
    void handsOutEverySymbolEquallyOftenOneAtATime() {
        // Given three watched symbols, one of them both held and in a rule
        rotation.update(List.of(watched("AAPL", T0), watched("MSFT", T0), watched("IBM", T0), watched("AAPL", T0)));

        // When nine single-symbol batches are taken
        Map<Symbol, Integer> counts = new TreeMap<>();
        for (int i = 0; i < 9; i++) {
            rotation.nextBatch(1).forEach(symbol -> counts.merge(symbol, 1, Integer::sum));
        }

        // Then each symbol was polled three times
        assertThat(counts).containsOnlyKeys(Symbol.of("AAPL"), Symbol.of("MSFT"), Symbol.of("IBM"));
        assertThat(counts.values()).containsOnly(3);
    }

    @Test
    void batchesWrapAroundAndNeverRepeatASymbolWithinOneBatch() {
        // Given three symbols
        rotation.update(List.of(watched("A", T0), watched("B", T0), watched("C", T0)));

        // When batches of two and of ten are taken
        List<Symbol> first = rotation.nextBatch(2);
        List<Symbol> second = rotation.nextBatch(2);
        List<Symbol> all = rotation.nextBatch(10);

        // Then they continue where the last one stopped
        assertThat(first).containsExactly(Symbol.of("A"), Symbol.of("B"));
        assertThat(second).containsExactly(Symbol.of("C"), Symbol.of("A"));
        assertThat(all).containsExactlyInAnyOrder(Symbol.of("A"), Symbol.of("B"), Symbol.of("C"));
    }

    @Test
    void suspendedSymbolIsSkippedUntilAUserTouchesItAgain() {
        // Given a symbol the provider did not know, suspended at T0+1m
        rotation.update(List.of(watched("AAPL", T0), watched("NOPE", T0)));
        rotation.suspend(Symbol.of("NOPE"), T0.plusSeconds(60));

        // When the watched set is re-read without a new touch
        rotation.update(List.of(watched("AAPL", T0), watched("NOPE", T0)));
        List<Symbol> whileSuspended = take(4);

        // Then it is not polled; once a user touches it after the suspension, it is polled again
        assertThat(whileSuspended).containsOnly(Symbol.of("AAPL"));
        assertThat(rotation.suspendedSymbols()).containsExactly(Symbol.of("NOPE"));
        rotation.update(List.of(watched("AAPL", T0), watched("NOPE", T0.plusSeconds(120))));
        assertThat(take(4)).contains(Symbol.of("NOPE"));
        assertThat(rotation.suspendedSymbols()).isEmpty();
    }

    @Test
    void noSymbolsMeansEmptyBatches() {
        // Given nothing watched
        rotation.update(List.of());

        // When a batch is asked for
        List<Symbol> batch = rotation.nextBatch(5);

        // Then it is empty
        assertThat(batch).isEmpty();
    }

    private List<Symbol> take(int batches) {
        List<Symbol> taken = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            taken.addAll(rotation.nextBatch(1));
        }
        return taken;
    }

    private static WatchedSymbol watched(String symbol, Instant touchedAt) {
        return new WatchedSymbol(Symbol.of(symbol), touchedAt);
    }
}
