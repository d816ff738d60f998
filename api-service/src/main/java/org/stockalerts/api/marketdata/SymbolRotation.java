package org.stockalerts.api.marketdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stockalerts.common.event.Symbol;

/**
 * The symbols to poll, handed out round-robin in batches so that every symbol gets the same share
 * of a scarce request budget. A symbol the provider did not know is suspended until a user touches
 * it again (its touched-at time moves past the suspension). Not thread-safe: the poller owns it.
 */
public final class SymbolRotation {

    private final Map<Symbol, Instant> suspended = new HashMap<>();
    private List<Symbol> symbols = List.of();
    private int cursor;

    /** Replaces the watched set, lifting suspensions of symbols touched since they were suspended. */
    public void update(List<WatchedSymbol> watched) {
        Map<Symbol, Instant> latest = new TreeMap<>();
        for (WatchedSymbol symbol : watched) {
            latest.merge(symbol.symbol(), symbol.touchedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        suspended.keySet().retainAll(latest.keySet());
        suspended.entrySet().removeIf(entry -> latest.get(entry.getKey()).isAfter(entry.getValue()));
        List<Symbol> active = new ArrayList<>(latest.keySet());
        active.removeAll(suspended.keySet());
        Symbol next = symbols.isEmpty() ? null : symbols.get(cursor % symbols.size());
        symbols = List.copyOf(active);
        cursor = next == null ? 0 : Math.max(0, symbols.indexOf(next));
    }

    /** The next {@code max} symbols in turn (fewer when fewer are watched). */
    public List<Symbol> nextBatch(int max) {
        if (symbols.isEmpty()) {
            return List.of();
        }
        int size = Math.min(max, symbols.size());
        List<Symbol> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(symbols.get(cursor));
            cursor = (cursor + 1) % symbols.size();
        }
        return batch;
    }

    /** Stops polling {@code symbol} until a user touches it after {@code at}. */
    public void suspend(Symbol symbol, Instant at) {
        suspended.put(symbol, at);
        List<Symbol> active = new ArrayList<>(symbols);
        int index = active.indexOf(symbol);
        if (index < 0) {
            return;
        }
        active.remove(index);
        if (index < cursor) {
            cursor--;
        }
        symbols = List.copyOf(active);
        cursor = symbols.isEmpty() ? 0 : cursor % symbols.size();
    }

    /** The symbols being polled. */
    public List<Symbol> active() {
        return symbols;
    }

    /** The symbols suspended because the provider did not know them. */
    public List<Symbol> suspendedSymbols() {
        return List.copyOf(new TreeMap<>(suspended).keySet());
    }
}
