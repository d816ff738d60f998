package org.stockalerts.common.event;

import java.math.BigDecimal;

/** One position of a portfolio: a positive quantity of a symbol and its average cost per share. */
public record Holding(Symbol symbol, BigDecimal quantity, BigDecimal averageCost) {

    public Holding {
        Require.present(symbol, "symbol");
        Require.positive(quantity, "quantity");
        Require.notNegative(averageCost, "averageCost");
    }
}
