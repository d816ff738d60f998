package org.stockalerts.api.marketdata.simulated;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.stockalerts.api.marketdata.Quote;
import org.stockalerts.common.event.Symbol;

/**
 * A simulated market, also the load generator of the benchmarks: every symbol follows its own seeded
 * geometric Brownian motion from a realistic starting price, with day open/high/low, previous close
 * and a cumulative day volume that is heavier at the open and the close of the New York session. The
 * same seed and the same sequence of calls give exactly the same quotes. Not thread-safe; drive one
 * instance from one thread.
 */
public final class SimulatedMarket {

    /** Seconds of trading in a year (252 sessions of 6.5 hours): the unit the annual rates refer to. */
    static final double TRADING_SECONDS_PER_YEAR = 252 * 6.5 * 3600;

    private static final double DOLLAR_VOLUME_PER_DAY = 2e9;
    private static final double SESSION_SECONDS = 6.5 * 3600;
    private static final LocalTime SESSION_OPEN = LocalTime.of(9, 30);
    private static final LocalTime SESSION_CLOSE = LocalTime.of(16, 0);
    private static final double OFF_HOURS_VOLUME_FACTOR = 0.03;
    private static final double VOLUME_NOISE = 0.5;
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final double drift;
    private final double volatility;
    private final ZoneId exchangeZone;
    private final Map<Symbol, SymbolState> states = new HashMap<>();

    /**
     * @param drift annualised drift of every symbol
     * @param volatility annualised volatility of every symbol
     * @param exchangeZone where the trading day and the session are reckoned
     */
    public SimulatedMarket(long seed, double drift, double volatility, ZoneId exchangeZone) {
        this.seed = seed;
        this.drift = drift;
        this.volatility = volatility;
        this.exchangeZone = exchangeZone;
    }

    /** The quote of {@code symbol} at {@code at}; the first quote of a symbol is its starting price. */
    public Quote next(Symbol symbol, Instant at) {
        return states.computeIfAbsent(symbol, this::start).advance(at);
    }

    private SymbolState start(Symbol symbol) {
        SplittableRandom random = new SplittableRandom(seed ^ (symbol.value().hashCode() * SEED_MIX));
        double price = StartingPrices.of(symbol);
        return new SymbolState(symbol, new GeometricBrownianMotion(price, drift, volatility, random), random);
    }

    private final class SymbolState {

        private final Symbol symbol;
        private final GeometricBrownianMotion motion;
        private final SplittableRandom random;
        private final double volumePerSessionSecond;
        private Instant last;
        private LocalDate tradingDay;
        private double open;
        private double high;
        private double low;
        private double previousClose;
        private long volume;

        SymbolState(Symbol symbol, GeometricBrownianMotion motion, SplittableRandom random) {
            this.symbol = symbol;
            this.motion = motion;
            this.random = random;
            this.previousClose = motion.price();
            this.volumePerSessionSecond = DOLLAR_VOLUME_PER_DAY / motion.price() / SESSION_SECONDS;
        }

        Quote advance(Instant at) {
            ZonedDateTime local = at.atZone(exchangeZone);
            double elapsed =
                    last == null ? 0 : Math.max(0, Duration.between(last, at).toNanos() / 1e9);
            double before = motion.price();
            double price = elapsed > 0 ? motion.step(elapsed / TRADING_SECONDS_PER_YEAR) : before;
            if (!local.toLocalDate().equals(tradingDay)) {
                previousClose = tradingDay == null ? previousClose : before;
                tradingDay = local.toLocalDate();
                open = price;
                high = price;
                low = price;
                volume = 0;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            volume += volumeOver(elapsed, local.toLocalTime());
            last = at;
            return quote(at);
        }

        private long volumeOver(double seconds, LocalTime time) {
            double noise = Math.exp(VOLUME_NOISE * random.nextGaussian() - VOLUME_NOISE * VOLUME_NOISE / 2);
            return Math.round(volumePerSessionSecond * seconds * sessionShape(time) * noise);
        }

        private Quote quote(Instant at) {
            BigDecimal price = cents(motion.price());
            BigDecimal close = cents(previousClose);
            BigDecimal change = price.subtract(close);
            BigDecimal percent = change.multiply(BigDecimal.valueOf(100)).divide(close, 4, RoundingMode.HALF_EVEN);
            return new Quote(
                    symbol,
                    price,
                    cents(open),
                    cents(high),
                    cents(low),
                    volume,
                    close,
                    change,
                    percent,
                    tradingDay,
                    at);
        }
    }

    /** U-shaped intraday volume: heavy at the open and the close, light at midday, a trickle off hours. */
    static double sessionShape(LocalTime time) {
        if (time.isBefore(SESSION_OPEN) || !time.isBefore(SESSION_CLOSE)) {
            return OFF_HOURS_VOLUME_FACTOR;
        }
        double x = Duration.between(SESSION_OPEN, time).toSeconds() / SESSION_SECONDS;
        double fromMiddle = 2 * x - 1;
        return 0.7 + 1.2 * fromMiddle * fromMiddle;
    }

    private static BigDecimal cents(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }
}
