package org.stockalerts.common.rules;

import java.math.BigDecimal;
import java.math.MathContext;

/** Decimal arithmetic of the engine: equality by value ({@code 200 == 200.00}), percent moves. */
public final class Decimals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {}

    public static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** {@code (to - from) / from} in percent, to 16 significant digits; null when {@code from} is absent or zero. */
    public static BigDecimal percentChange(BigDecimal from, BigDecimal to) {
        if (from == null || from.signum() == 0) {
            return null;
        }
        return to.subtract(from).multiply(HUNDRED).divide(from, MathContext.DECIMAL64);
    }
}
