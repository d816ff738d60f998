package org.stockalerts.api.marketdata.simulated;

import java.util.random.RandomGenerator;

/**
 * A price following geometric Brownian motion: over a step of {@code dt} years the log price moves
 * by {@code (drift - volatility²/2)·dt + volatility·√dt·Z} with Z standard normal, so the price stays
 * positive and its log returns have mean {@code (drift - volatility²/2)·dt} and standard deviation
 * {@code volatility·√dt}.
 */
public final class GeometricBrownianMotion {

    private final double drift;
    private final double volatility;
    private final RandomGenerator random;
    private double price;

    /**
     * @param drift annualised drift (0.08 is 8 % a year)
     * @param volatility annualised volatility (0.3 is 30 % a year)
     */
    public GeometricBrownianMotion(double start, double drift, double volatility, RandomGenerator random) {
        if (!(start > 0) || volatility < 0) {
            throw new IllegalArgumentException("start price must be positive and volatility not negative");
        }
        this.price = start;
        this.drift = drift;
        this.volatility = volatility;
        this.random = random;
    }

    /** Moves the price on by {@code dtYears} and returns it. */
    public double step(double dtYears) {
        double shock = random.nextGaussian();
        price *= Math.exp((drift - volatility * volatility / 2) * dtYears + volatility * Math.sqrt(dtYears) * shock);
        return price;
    }

    public double price() {
        return price;
    }
}
