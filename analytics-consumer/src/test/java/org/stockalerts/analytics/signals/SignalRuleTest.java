package org.stockalerts.analytics.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Signal;

class SignalRuleTest {

    private final SignalRule onePercent = new SignalRule(new BigDecimal("0.01"));

    @Test
    void bullishOnlyWhenSma5ExceedsSma20ByMoreThanTheTolerance() {
        // Given SMA20 = 100, so the margin is 1.00
        // Then 101.00 is within it, 101.01 beyond
        assertThat(onePercent.evaluate(dec("101.00"), dec("100"))).isEqualTo(Signal.NEUTRAL);
        assertThat(onePercent.evaluate(dec("101.01"), dec("100"))).isEqualTo(Signal.BULLISH);
    }

    @Test
    void bearishOnlyWhenSma5IsBelowSma20ByMoreThanTheTolerance() {
        assertThat(onePercent.evaluate(dec("99.00"), dec("100"))).isEqualTo(Signal.NEUTRAL);
        assertThat(onePercent.evaluate(dec("98.99"), dec("100"))).isEqualTo(Signal.BEARISH);
    }

    @Test
    void neutralWithoutSma20() {
        assertThat(onePercent.evaluate(dec("150"), null)).isEqualTo(Signal.NEUTRAL);
    }

    @Test
    void zeroToleranceFlipsOnAnyDifference() {
        SignalRule exact = new SignalRule(BigDecimal.ZERO);
        assertThat(exact.evaluate(dec("100.0001"), dec("100"))).isEqualTo(Signal.BULLISH);
        assertThat(exact.evaluate(dec("100"), dec("100"))).isEqualTo(Signal.NEUTRAL);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
