package org.stockalerts.alerting.engine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Symbol;

/**
 * What the engine counts and logs of blind feeds (docs/market-data.md, "Blind feeds"): the market-data poller's
 * reports, and the catch-up prices of the feeds that came back, evaluated or too late (a tick after the gap was
 * evaluated first, so the gap's prices are older than the symbol's last tick and would break its order).
 */
final class BlindFeeds {

    /** Counter of the feed reports the engine read, tagged {@code status} (STALE, RESUMED). */
    static final String REPORTS = "stockalerts.engine.feed.reports";

    /** Counter of catch-up prices, tagged {@code outcome}: {@code evaluated}, or {@code late}. */
    static final String CATCH_UP_PRICES = "stockalerts.engine.catchup.prices";

    /**
     * Counter of the ticks that waited for a resumed feed's report, tagged {@code released}: {@code report} (it came)
     * or {@code wait} (it did not come within the catch-up wait).
     */
    static final String HELD_TICKS = "stockalerts.engine.catchup.held.ticks";

    private static final Logger log = LoggerFactory.getLogger(BlindFeeds.class);

    private final Counter stale;
    private final Counter resumed;
    private final Counter evaluated;
    private final Counter late;
    private final Counter releasedByReport;
    private final Counter releasedByWait;

    BlindFeeds(MeterRegistry meters) {
        stale = report(meters, FeedStatusChanged.Status.STALE);
        resumed = report(meters, FeedStatusChanged.Status.RESUMED);
        evaluated = prices(meters, "evaluated");
        late = prices(meters, "late");
        releasedByReport = held(meters, "report");
        releasedByWait = held(meters, "wait");
    }

    void released(Symbol symbol, int ticks, boolean waitedOut) {
        (waitedOut ? releasedByWait : releasedByReport).increment(ticks);
        if (waitedOut) {
            log.atWarn()
                    .addKeyValue("symbol", symbol)
                    .addKeyValue("ticks", ticks)
                    .log("feed of symbol reported blind gets ticks again, but no resumed report came within the"
                            + " catch-up wait; evaluating them without a catch-up");
        }
    }

    private static Counter held(MeterRegistry meters, String released) {
        return Counter.builder(HELD_TICKS)
                .description("Ticks that waited for a resumed feed's report, by what released them")
                .tag("released", released)
                .register(meters);
    }

    void wentBlind(FeedStatusChanged report) {
        stale.increment();
        log.atInfo()
                .addKeyValue("symbol", report.symbol())
                .addKeyValue("problem", report.problem())
                .addKeyValue("since", report.since())
                .addKeyValue("lastTickAt", report.lastTickAt())
                .log("feed of symbol reported blind; its rules explain FEED_STALE until data returns");
    }

    void cameBack(FeedStatusChanged report, int caughtUp, int fired) {
        resumed.increment();
        evaluated.increment(caughtUp);
        int tooLate = report.catchUp().size() - caughtUp;
        late.increment(tooLate);
        var line = log.atInfo();
        if (tooLate > 0) {
            line = log.atWarn();
        }
        line.addKeyValue("symbol", report.symbol())
                .addKeyValue("problem", report.problem())
                .addKeyValue("lastTickAt", report.lastTickAt())
                .addKeyValue("resumedAt", report.resumedAt())
                .addKeyValue("catchUpSource", report.catchUpSource())
                .addKeyValue("caughtUp", caughtUp)
                .addKeyValue("late", tooLate)
                .addKeyValue("alertsFired", fired)
                .log(
                        tooLate > 0
                                ? "feed of symbol resumed; some catch-up prices came after a later tick and were not"
                                        + " evaluated"
                                : "feed of symbol resumed; the gap's prices were caught up");
    }

    private static Counter report(MeterRegistry meters, FeedStatusChanged.Status status) {
        return Counter.builder(REPORTS)
                .description("Feed reports of the market-data poller the alert engine read, by status")
                .tag("status", status.name())
                .register(meters);
    }

    private static Counter prices(MeterRegistry meters, String outcome) {
        return Counter.builder(CATCH_UP_PRICES)
                .description("Catch-up prices of resumed feeds: evaluated, or late (after a later tick)")
                .tag("outcome", outcome)
                .register(meters);
    }
}
