package org.stockalerts.api.marketdata;

import java.util.List;

/** Where the poller learns which symbols matter. */
@FunctionalInterface
public interface SymbolSource {

    /** Every watched symbol once, with the time a user last touched it. */
    List<WatchedSymbol> watchedSymbols();
}
