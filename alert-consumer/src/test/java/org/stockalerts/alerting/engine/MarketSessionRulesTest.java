package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.level;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.AnalyticsUpdated;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Signal;
import org.stockalerts.common.event.TriggerMode;
import org.stockalerts.common.fixtures.RuleDraft;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.market.MarketSession;

/** A rule limited to a market session is evaluated only by ticks observed in it, through the whole topology. */
class MarketSessionRulesTest extends EngineTopologyTest {

    /** 04:30 New York on Monday 2026-01-05 (EST): pre-market. */
    private static final Instant PRE_MARKET = Instant.parse("2026-01-05T09:30:00Z");

    /** 10:00 New York the same day: the regular session. */
    private static final Instant REGULAR = EngineDriver.START;

    @Test
    void aRegularSessionRuleIgnoresPreMarketTicksAndFiresOnTheFirstInSession() {
        // Given a rule at or above 200 for the regular session
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .session(MarketSession.REGULAR)
                .build());

        // When AAPL trades at 205 pre-market, then at 201 in the session
        engine.tick(TickDraft.tick("AAPL", "205", PRE_MARKET));
        PriceTick inSession = engine.tick(TickDraft.tick("AAPL", "201", REGULAR));

        // Then it fired once, on the tick in the session
        assertThat(engine.firingTicks()).containsExactly(inSession.eventId());
    }

    @Test
    void anExtendedSessionRuleFiresPreMarket() {
        // Given the same rule for the extended session
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .session(MarketSession.EXTENDED)
                .build());

        // When AAPL trades at 205 pre-market
        PriceTick preMarket = engine.tick(TickDraft.tick("AAPL", "205", PRE_MARKET));

        // Then it fired on it
        assertThat(engine.firingTicks()).containsExactly(preMarket.eventId());
    }

    @Test
    void aRegularSessionSignalRuleCountsTheBarEndingAtTheCloseAndNotTheOneEndingAtTheOpen() {
        // Given a cooldown rule for the regular session waiting for bullish turns
        engine.rule(RuleDraft.signal(Signal.BULLISH)
                .mode(TriggerMode.COOLDOWN)
                .cooldown(Duration.ofSeconds(1))
                .session(MarketSession.REGULAR)
                .build());

        // When the one-minute signal turns bullish on the bar 09:29-09:30 and on the bar 15:59-16:00
        engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, SignalAndPortfolioRulesTest.MINUTE, -30 * 60);
        engine.signal("AAPL", Signal.NEUTRAL, Signal.BULLISH, SignalAndPortfolioRulesTest.MINUTE, 60);
        AnalyticsUpdated lastBar =
                engine.signal("AAPL", Signal.BULLISH, Signal.NEUTRAL, SignalAndPortfolioRulesTest.MINUTE, 6 * 60 * 60);

        // Then only the bar of the session fired it
        assertThat(engine.firingTicks()).containsExactly(lastBar.eventId());
    }

    @Test
    void aRearmingRuleDoesNotRearmOnATickOutsideItsSession() {
        // Given a regular-session rule at or above 200 that re-arms 5 below, fired in the session
        engine.rule(level(Condition.PRICE_ABOVE, "200")
                .mode(TriggerMode.REARM)
                .rearm("5")
                .session(MarketSession.REGULAR)
                .build());
        engine.tick(TickDraft.tick("AAPL", "201", REGULAR));

        // When the price falls to 190 after the close (18:00 New York), then comes back to 202 the next morning
        engine.tick(TickDraft.tick("AAPL", "190", REGULAR.plus(Duration.ofHours(8))));
        engine.tick(TickDraft.tick("AAPL", "202", REGULAR.plus(Duration.ofHours(24))));

        // Then the after-hours fall re-armed nothing: only the first tick fired
        assertThat(engine.alerts()).hasSize(1);
    }
}
