package org.stockalerts.api.marketdata;

import java.time.Instant;
import org.stockalerts.common.event.Symbol;

/**
 * A symbol someone cares about and when a user last touched it (changed a holding or an active rule
 * on it); extras and a replay file's symbols were touched at {@link Instant#MIN}.
 */
public record WatchedSymbol(Symbol symbol, Instant touchedAt) {}
