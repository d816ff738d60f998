package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/** Which feed-status events tell a user, given the newest feed notice they have about the symbol. */
class OneNoticePerOutageTest {

    private static final Instant LAST_TICK = Instant.parse("2026-11-25T15:00:00Z");

    private static FeedStatusChanged stale(int sinceMinute) {
        Instant since = LAST_TICK.plus(Duration.ofMinutes(sinceMinute));
        return FeedStatusChanged.stale(
                UUID.randomUUID(),
                since,
                Symbol.of("AAPL"),
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                LAST_TICK,
                since);
    }

    private static FeedStatusChanged resumed(int atMinute) {
        Instant at = LAST_TICK.plus(Duration.ofMinutes(atMinute));
        return FeedStatusChanged.resumed(
                UUID.randomUUID(),
                at,
                Symbol.of("AAPL"),
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                LAST_TICK,
                LAST_TICK.plus(Duration.ofMinutes(5)),
                at,
                FeedStatusChanged.CatchUpSource.NONE,
                List.of());
    }

    private static FeedNoticeLog.Latest told(FeedStatusChanged event) {
        return new FeedNoticeLog.Latest(event.eventId(), event.status(), Notice.at(event));
    }

    @Test
    void aUserNeverToldIsToldOfAnOutageButNotOfAnEnd() {
        assertThat(OneNoticePerOutage.tells(stale(5), null)).isTrue();
        assertThat(OneNoticePerOutage.tells(resumed(20), null)).isFalse();
    }

    @Test
    void aUserToldOfAnOutageIsNotToldOfItAgainUnderANewEventButIsToldOfItsEnd() {
        // Given a user told that the feed went blind at minute 5
        FeedNoticeLog.Latest blind = told(stale(5));

        // Then a new leader's report of it, at minute 12, tells them nothing; its end does
        assertThat(OneNoticePerOutage.tells(stale(12), blind)).isFalse();
        assertThat(OneNoticePerOutage.tells(resumed(20), blind)).isTrue();
    }

    @Test
    void aUserToldOfAnEndIsNotToldOfItAgainButIsToldOfTheNextOutage() {
        // Given a user told that the feed came back at minute 20
        FeedNoticeLog.Latest back = told(resumed(20));

        // Then another report of its end tells them nothing; the next outage does
        assertThat(OneNoticePerOutage.tells(resumed(21), back)).isFalse();
        assertThat(OneNoticePerOutage.tells(stale(30), back)).isTrue();
    }

    @Test
    void theEventOfTheNewestNoticeTellsAgainSoThatARedeliveryCanSendWhatWasNotSent() {
        FeedStatusChanged stale = stale(5);
        FeedStatusChanged resumed = resumed(20);

        assertThat(OneNoticePerOutage.tells(stale, told(stale))).isTrue();
        assertThat(OneNoticePerOutage.tells(resumed, told(resumed))).isTrue();
    }

    @Test
    void anEventOlderThanTheNewestNoticeTellsNobody() {
        // A replayed outage of minute 12 tells nothing to a user told that the feed came back at minute 20; a
        // replayed end of minute 25 tells nothing to a user told that it went blind again at minute 30
        assertThat(OneNoticePerOutage.tells(stale(12), told(resumed(20)))).isFalse();
        assertThat(OneNoticePerOutage.tells(resumed(25), told(stale(30)))).isFalse();
    }
}
