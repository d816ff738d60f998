package org.stockalerts.common.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.fixtures.TickDraft;

class CatchUpTest {

    private final FeedStatusChanged resumed = EventSamples.feedResumed();

    @Test
    void eachCatchUpPriceIsATickInOrderWithAnIdDerivedFromTheFeedEvent() {
        // Given the symbol's last tick before the gap
        SymbolState before = SymbolState.EMPTY.after(TickDraft.tick("AAPL", "200", resumed.lastTickAt()), 0);

        // When the resumed feed's catch-up is turned into ticks
        List<PriceTick> ticks = CatchUp.ticks(resumed, before);

        // Then there is one per price, at its time, from the feed's source, published when the event was
        assertThat(ticks)
                .extracting(PriceTick::price)
                .containsExactly(new BigDecimal("201.25"), new BigDecimal("198.40"));
        assertThat(ticks)
                .extracting(PriceTick::observedAt)
                .containsExactly(
                        resumed.catchUp().get(0).at(), resumed.catchUp().get(1).at());
        assertThat(ticks).allSatisfy(tick -> {
            assertThat(tick.source()).isEqualTo(TickSource.FINNHUB);
            assertThat(tick.occurredAt()).isEqualTo(resumed.occurredAt());
            assertThat(tick.symbol()).isEqualTo(resumed.symbol());
            // with the previous close, which move rules measure from
            assertThat(tick.previousClose()).isEqualByComparingTo("195.00");
        });
        // and the same event gives the same ids (a replay fires the same alerts), distinct per price
        assertThat(CatchUp.ticks(resumed, before))
                .extracting(PriceTick::eventId)
                .containsExactlyElementsOf(
                        ticks.stream().map(PriceTick::eventId).toList())
                .doesNotHaveDuplicates()
                .doesNotContain(resumed.eventId());
    }

    @Test
    void pricesAtOrBeforeTheLastAcceptedTickAreLeftOut() {
        // Given a tick after the gap's first price already accepted
        SymbolState later = SymbolState.EMPTY.after(
                TickDraft.tick("AAPL", "200", resumed.catchUp().get(0).at()), 0);

        // Then only the second price is caught up; after a tick past the gap nothing is
        assertThat(CatchUp.ticks(resumed, later))
                .extracting(PriceTick::price)
                .containsExactly(new BigDecimal("198.40"));
        SymbolState past = SymbolState.EMPTY.after(TickDraft.tick("AAPL", "200", resumed.resumedAt()), 0);
        assertThat(CatchUp.ticks(resumed, past)).isEmpty();
        // and a symbol never seen catches up on every price
        assertThat(CatchUp.ticks(resumed, SymbolState.EMPTY)).hasSize(2);
    }

    @Test
    void aStaleFeedHasNothingToCatchUp() {
        FeedStatusChanged stale = FeedStatusChanged.stale(
                resumed.eventId(),
                resumed.occurredAt(),
                resumed.symbol(),
                resumed.problem(),
                resumed.source(),
                resumed.lastTickAt(),
                resumed.since());

        assertThat(CatchUp.ticks(stale, SymbolState.EMPTY)).isEmpty();
    }
}
