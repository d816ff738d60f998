package org.stockalerts.common.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The market-data feed of one symbol went blind or came back, published by the market-data poller that leads on
 * {@code feed-status}, keyed by symbol (co-partitioned with {@code stock-prices}). The alert engine keeps the
 * symbol's feed status for "why not" ({@code FEED_STALE}) and evaluates a resumed feed's {@code catchUp} prices
 * against the symbol's rules before the ticks that follow; alert-consumer tells every user with a rule on the symbol,
 * once per outage (docs/market-data.md, "Blind feeds"; docs/delivery.md, "Feed notices").
 *
 * @param status {@link Status#STALE} when the symbol went blind, {@link Status#RESUMED} when data came back
 * @param problem why it went blind; for {@link Status#RESUMED}, the problem that ended
 * @param source the provider the poller asks
 * @param lastTickAt event time of the symbol's last quote before it went blind; null when the poller never had one
 * @param since when the poller saw the problem: the moment the symbol went stale, the provider refused or said it
 *     did not know the symbol
 * @param resumedAt for {@link Status#RESUMED}, event time of the first quote after the gap; null for {@link
 *     Status#STALE}
 * @param catchUpSource where {@code catchUp} comes from; {@link CatchUpSource#NONE} for {@link Status#STALE}
 * @param catchUp the prices the gap hid, in time order, each strictly between {@code lastTickAt} and {@code
 *     resumedAt}: the high and low of each of the provider's intraday bars over the gap, or the new day high or low
 *     the first quote after the gap reports; empty when there are none, and for {@link Status#STALE}
 * @param previousClose for {@link Status#RESUMED}, the previous session's close as the quotes around the gap report it:
 *     what a catch-up price of a move rule measured from the previous close is measured from; null when unknown
 */
public record FeedStatusChanged(
        UUID eventId,
        Instant occurredAt,
        int version,
        Symbol symbol,
        Status status,
        Problem problem,
        TickSource source,
        Instant lastTickAt,
        Instant since,
        Instant resumedAt,
        CatchUpSource catchUpSource,
        List<PricePoint> catchUp,
        BigDecimal previousClose)
        implements Event {

    public static final int CURRENT_VERSION = 1;

    /** The most catch-up prices one event carries: two per minute bar of a gap of over four hours. */
    public static final int MAX_CATCH_UP_POINTS = 500;

    /** Whether the symbol's feed is blind or came back. */
    public enum Status {
        STALE,
        RESUMED
    }

    /** Why a feed is blind. */
    public enum Problem {
        /** An active symbol sent nothing for longer than the stale limit while its market was open. */
        NO_TICKS,
        /** The provider refused for a spent request quota or rate limit. */
        QUOTA_EXHAUSTED,
        /** The provider said it does not know the symbol. */
        UNKNOWN_SYMBOL
    }

    /** Where the catch-up prices come from. */
    public enum CatchUpSource {
        /** The provider's intraday bars over the gap: each bar's high and low. */
        BARS,
        /** The first quote after the gap reported a day high or low beyond the last one before it. */
        DAY_RANGE,
        /** Nothing the gap hid is known: the first tick after it is evaluated against the last one before. */
        NONE
    }

    /** One price the gap hid and when (or, for a bar's extremes, about when) it traded. */
    public record PricePoint(BigDecimal price, Instant at) {

        public PricePoint {
            Require.positive(price, "catchUp.price");
            Require.present(at, "catchUp.at");
        }
    }

    public FeedStatusChanged {
        version = Require.event(
                eventId,
                occurredAt,
                version,
                "symbol, status, problem, source, since",
                symbol,
                status,
                problem,
                source,
                since);
        catchUp = catchUp == null ? List.of() : List.copyOf(catchUp);
        Require.notNegative(previousClose, "previousClose");
        catchUpSource = catchUpSource == null ? CatchUpSource.NONE : catchUpSource;
        if (status == Status.RESUMED) {
            Require.present(resumedAt, "resumedAt");
        } else if (resumedAt != null || !catchUp.isEmpty()) {
            throw new IllegalArgumentException("a STALE feed has no 'resumedAt' and no 'catchUp'");
        }
        if (catchUp.size() > MAX_CATCH_UP_POINTS) {
            throw new IllegalArgumentException(
                    "field 'catchUp' holds " + catchUp.size() + " prices, more than " + MAX_CATCH_UP_POINTS);
        }
        Instant previous = lastTickAt;
        for (PricePoint point : catchUp) {
            if (previous != null && !point.at().isAfter(previous) || !point.at().isBefore(resumedAt)) {
                throw new IllegalArgumentException("field 'catchUp' must be in time order, after 'lastTickAt' and"
                        + " before 'resumedAt'; " + point.at() + " is not");
            }
            previous = point.at();
        }
    }

    /** The symbol went blind for {@code problem} at {@code since}. */
    public static FeedStatusChanged stale(
            UUID eventId,
            Instant occurredAt,
            Symbol symbol,
            Problem problem,
            TickSource source,
            Instant lastTickAt,
            Instant since) {
        return new FeedStatusChanged(
                eventId,
                occurredAt,
                CURRENT_VERSION,
                symbol,
                Status.STALE,
                problem,
                source,
                lastTickAt,
                since,
                null,
                CatchUpSource.NONE,
                List.of(),
                null);
    }

    /** The symbol, blind for {@code problem} since {@code since}, has data again from {@code resumedAt}. */
    public static FeedStatusChanged resumed(
            UUID eventId,
            Instant occurredAt,
            Symbol symbol,
            Problem problem,
            TickSource source,
            Instant lastTickAt,
            Instant since,
            Instant resumedAt,
            CatchUpSource catchUpSource,
            List<PricePoint> catchUp) {
        return resumed(
                eventId,
                occurredAt,
                symbol,
                problem,
                source,
                lastTickAt,
                since,
                resumedAt,
                catchUpSource,
                catchUp,
                null);
    }

    /** As the other {@code resumed}, with the previous session's close the quotes around the gap report. */
    public static FeedStatusChanged resumed(
            UUID eventId,
            Instant occurredAt,
            Symbol symbol,
            Problem problem,
            TickSource source,
            Instant lastTickAt,
            Instant since,
            Instant resumedAt,
            CatchUpSource catchUpSource,
            List<PricePoint> catchUp,
            BigDecimal previousClose) {
        return new FeedStatusChanged(
                eventId,
                occurredAt,
                CURRENT_VERSION,
                symbol,
                Status.RESUMED,
                problem,
                source,
                lastTickAt,
                since,
                resumedAt,
                catchUpSource,
                catchUp,
                previousClose);
    }
}
