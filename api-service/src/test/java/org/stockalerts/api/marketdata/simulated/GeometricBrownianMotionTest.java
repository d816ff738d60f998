package org.stockalerts.api.marketdata.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GeometricBrownianMotionTest {

    private static final int STEPS = 200_000;
    private static final double DT = 1.0 / 252;

    @Test
    void logReturnsHaveTheDriftAndVolatilityOfTheModelOverManySteps() {
        // Given a motion with 40 % drift and 25 % volatility a year, stepped a trading day at a time
        double drift = 0.40;
        double volatility = 0.25;
        GeometricBrownianMotion motion = new GeometricBrownianMotion(100, drift, volatility, new SplittableRandom(7));

        // When it takes many steps
        double sum = 0;
        double sumOfSquares = 0;
        double previous = motion.price();
        for (int i = 0; i < STEPS; i++) {
            double logReturn = Math.log(motion.step(DT) / previous);
            previous = motion.price();
            sum += logReturn;
            sumOfSquares += logReturn * logReturn;
        }
        double mean = sum / STEPS;
        double deviation = Math.sqrt(sumOfSquares / STEPS - mean * mean);

        // Then the mean log return is (drift - vol²/2)·dt within 4 standard errors,
        // and the volatility estimated from the steps is within 1 % of the model's
        double expectedMean = (drift - volatility * volatility / 2) * DT;
        double standardError = volatility * Math.sqrt(DT) / Math.sqrt(STEPS);
        assertThat(mean).isCloseTo(expectedMean, within(4 * standardError));
        assertThat(deviation / Math.sqrt(DT)).isCloseTo(volatility, within(volatility * 0.01));
    }

    @Test
    void priceStaysPositiveEvenWithExtremeVolatility() {
        // Given a wildly volatile motion
        GeometricBrownianMotion motion = new GeometricBrownianMotion(10, -2, 3, new SplittableRandom(1));

        // When it runs for a long time
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i < 10_000; i++) {
            lowest = Math.min(lowest, motion.step(DT));
        }

        // Then the price never reached zero
        assertThat(lowest).isPositive();
    }
}
