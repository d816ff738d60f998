package org.stockalerts.api.marketdata;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.common.event.FeedStatusChanged.CatchUpSource;
import org.stockalerts.common.event.FeedStatusChanged.PricePoint;

/**
 * The catch-up of a resumed feed and where its prices come from ({@link CatchUpPrices}): the provider's intraday bars
 * over the gap, else the day range the resuming quote reports, else none.
 */
record CatchUp(CatchUpSource source, List<PricePoint> points) {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    static final CatchUp NONE = new CatchUp(CatchUpSource.NONE, List.of());

    /**
     * The catch-up of the gap from {@code before} to {@code resumed}; the provider is asked for bars only when {@code
     * askBars}. Never throws: a catch-up that cannot be built (a provider's nonsense, a bug) must not keep the
     * resuming quote, or any other, from being published, so it is logged and the feed resumes without one.
     */
    static CatchUp of(QuoteProvider provider, Quote before, Quote resumed, boolean askBars) {
        Instant after = before.observedAt();
        Instant resumedAt = resumed.observedAt();
        if (!resumedAt.isAfter(after)) {
            return NONE;
        }
        try {
            if (askBars) {
                List<PricePoint> bars = CatchUpPrices.fromBars(
                        provider.intradayBars(resumed.symbol(), after, resumedAt), after, resumedAt);
                if (!bars.isEmpty()) {
                    return new CatchUp(CatchUpSource.BARS, bars);
                }
            }
            List<PricePoint> range = CatchUpPrices.fromDayRange(before, resumed);
            return range.isEmpty() ? NONE : new CatchUp(CatchUpSource.DAY_RANGE, range);
        } catch (RuntimeException e) {
            // the type only: a provider's message may quote its request
            log.atWarn()
                    .addKeyValue("symbol", resumed.symbol())
                    .addKeyValue("error", e.getClass().getName())
                    .log("catch-up of a resumed feed failed; it resumes without one");
            return NONE;
        }
    }
}
