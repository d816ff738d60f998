package org.stockalerts.api.marketdata;

import org.stockalerts.common.event.Symbol;

/** The provider does not know a symbol; polling it again is pointless until a user touches it. */
public class UnknownSymbolException extends RuntimeException {

    private final Symbol symbol;

    public UnknownSymbolException(Symbol symbol, String message) {
        super("provider does not know symbol " + symbol + ": " + message);
        this.symbol = symbol;
    }

    public Symbol symbol() {
        return symbol;
    }
}
