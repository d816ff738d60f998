package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

/** What the feed notices say, through every kind of channel, and what they never say. */
class NoticeTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final UUID USER = UUID.fromString("01936f74-5e6f-7a8b-9c0d-e1f2a3b4c5d6");
    private static final Instant LAST_TICK = Instant.parse("2026-11-25T20:20:00Z");

    private static FeedStatusChanged stale(FeedStatusChanged.Problem problem) {
        return FeedStatusChanged.stale(
                UUID.randomUUID(),
                LAST_TICK.plusSeconds(330),
                Symbol.of("BRK.B"),
                problem,
                TickSource.FINNHUB,
                LAST_TICK,
                LAST_TICK.plusSeconds(300));
    }

    @Test
    void aStaleNoticeNamesTheSymbolTheProblemInWordsAndSinceWhenInTheUsersZone() {
        // When a user in New York is told that BRK.B went blind for a spent quota
        Notice notice = Notice.feedStale(stale(FeedStatusChanged.Problem.QUOTA_EXHAUSTED), USER, NEW_YORK);

        // Then the notice says which symbol, why, since when and from when the last price is, in New York time
        assertThat(notice.type()).isEqualTo("feed.stale");
        assertThat(notice.title()).isEqualTo("Stock alerts: no market data for BRK.B, its alerts cannot fire");
        assertThat(notice.text())
                .contains("Since 2026-11-25 15:25 EST we get no prices for BRK.B")
                .contains("request quota is spent")
                .contains("last price is from 2026-11-25 15:20 EST")
                .contains("Your alerts on BRK.B cannot fire until prices return");
        assertThat(notice.at()).isEqualTo(LAST_TICK.plusSeconds(300));
        assertThat(notice.channelId()).isNull();
        assertThat(notice.feed())
                .isEqualTo(new Notice.Feed(
                        "BRK.B", FeedStatusChanged.Problem.QUOTA_EXHAUSTED, LAST_TICK.plusSeconds(300), null));
    }

    @Test
    void everyProblemHasWordsOfItsOwn() {
        assertThat(List.of(FeedStatusChanged.Problem.values()).stream()
                        .map(Notice::problem)
                        .distinct())
                .hasSize(FeedStatusChanged.Problem.values().length)
                .noneMatch(String::isBlank);
        assertThat(Notice.feedStale(stale(FeedStatusChanged.Problem.UNKNOWN_SYMBOL), USER, NEW_YORK)
                        .text())
                .contains("does not know the symbol");
    }

    @Test
    void aResumedNoticeSaysHowLongTheSymbolWasBlindAndThatMissedCrossingsFireMarkedCatchUp() {
        // Given AAPL's feed back after 15 minutes, with two prices of the gap (common's sample)
        FeedStatusChanged resumed = EventSamples.feedResumed();

        // When a user in UTC is told
        Notice notice = Notice.feedResumed(resumed, USER, ZoneId.of("UTC"));

        // Then it says since when, for how long it was blind, why, and that missed crossings fire as catch-ups
        assertThat(notice.type()).isEqualTo("feed.resumed");
        assertThat(notice.title()).isEqualTo("Stock alerts: market data for AAPL is back");
        assertThat(notice.text())
                .contains("Prices for AAPL are back since 2026-11-25 20:40 UTC, after 15 minutes without them")
                .contains("sent none for longer than expected")
                .contains("The 2 prices")
                .contains("marked \"catch-up\"");
        assertThat(notice.at()).isEqualTo(resumed.resumedAt());
        // and, with one price of the gap or none, says so
        FeedStatusChanged onePrice = FeedStatusChanged.resumed(
                UUID.randomUUID(),
                resumed.occurredAt(),
                resumed.symbol(),
                resumed.problem(),
                resumed.source(),
                resumed.lastTickAt(),
                resumed.since(),
                resumed.resumedAt(),
                FeedStatusChanged.CatchUpSource.DAY_RANGE,
                resumed.catchUp().subList(0, 1));
        assertThat(Notice.feedResumed(onePrice, USER, NEW_YORK).text())
                .contains("The one price the provider reported for the gap was checked against your rules");
        FeedStatusChanged none = FeedStatusChanged.resumed(
                UUID.randomUUID(),
                resumed.occurredAt(),
                resumed.symbol(),
                resumed.problem(),
                resumed.source(),
                resumed.lastTickAt(),
                resumed.since(),
                resumed.resumedAt(),
                FeedStatusChanged.CatchUpSource.NONE,
                List.of());
        assertThat(Notice.feedResumed(none, USER, NEW_YORK).text())
                .contains("The first price after the gap was checked against the last one before it");
    }

    @Test
    void aGapIsToldToTheMinute() {
        Instant since = Instant.parse("2026-11-25T14:00:00Z");
        assertThat(Notice.blind(since, since.plusSeconds(59))).isEqualTo("less than a minute");
        assertThat(Notice.blind(since, since.plusSeconds(60))).isEqualTo("1 minute");
        assertThat(Notice.blind(since, since.plusSeconds(2 * 3600 + 5 * 60 + 30)))
                .isEqualTo("2 hours 5 minutes");
        assertThat(Notice.blind(since, since.plusSeconds(3600))).isEqualTo("1 hour");
        assertThat(Notice.blind(since, since.plusSeconds(3 * 86400 + 4 * 3600 + 59)))
                .isEqualTo("3 days 4 hours");
    }

    @Test
    void aFeedNoticeHasOneIdPerEventAndUserSoARepeatIsDropped() {
        FeedStatusChanged event = stale(FeedStatusChanged.Problem.NO_TICKS);

        UUID first = Notice.feedStale(event, USER, NEW_YORK).id();

        assertThat(Notice.feedStale(event, USER, ZoneId.of("UTC")).id()).isEqualTo(first);
        assertThat(Notice.feedStale(event, UUID.randomUUID(), NEW_YORK).id()).isNotEqualTo(first);
        assertThat(Notice.feedStale(stale(FeedStatusChanged.Problem.NO_TICKS), USER, NEW_YORK)
                        .id())
                .isNotEqualTo(first);
    }

    @Test
    void aFeedNoticeWebhookCarriesTheSymbolAndProblemAndAChannelNoticeNeither() {
        // Given a feed notice and a channel-disabled notice
        Notice feed = Notice.feedResumed(EventSamples.feedResumed(), USER, ZoneId.of("UTC"));
        Channel webhook = new Channel(
                UUID.randomUUID(),
                USER,
                ChannelType.WEBHOOK,
                "https://hooks.example.com/t/s3cr3tPathToken",
                "enc1:sealed",
                null,
                null,
                true);
        Notice disabled = Notice.disabled(webhook, Instant.parse("2026-11-25T21:00:00Z"), "receiver answered 410");

        // When each becomes a webhook body
        JsonNode feedJson = json(NoticePayload.of(feed, Instant.parse("2026-11-25T20:41:00Z")));
        JsonNode disabledJson = json(NoticePayload.of(disabled, Instant.parse("2026-11-25T21:00:01Z")));

        // Then the feed notice's names its type, symbol, problem and gap, and no channel
        assertThat(feedJson.get("type").asString()).isEqualTo("feed.resumed");
        assertThat(feedJson.at("/data/noticeId").asString()).isEqualTo(feed.id().toString());
        assertThat(feedJson.at("/data/symbol").asString()).isEqualTo("AAPL");
        assertThat(feedJson.at("/data/problem").asString()).isEqualTo("NO_TICKS");
        assertThat(feedJson.at("/data/since").asString()).isEqualTo("2026-11-25T20:25:00Z");
        assertThat(feedJson.at("/data/resumedAt").asString()).isEqualTo("2026-11-25T20:40:00Z");
        assertThat(feedJson.get("data").has("channelId")).isFalse();
        // and the channel notice its channel, no symbol, and not the secret part of the webhook's address
        assertThat(disabledJson.get("type").asString()).isEqualTo("channel.disabled");
        assertThat(disabledJson.at("/data/channelId").asString())
                .isEqualTo(webhook.id().toString());
        assertThat(disabledJson.get("data").has("symbol")).isFalse();
        assertThat(disabledJson.toString()).doesNotContain("s3cr3tPathToken").doesNotContain("enc1");
    }

    @Test
    void aFeedNoticeNamesNoChannelAndItsEmailEscapesItsText() {
        // Given both feed notices
        Notice stale = Notice.feedStale(stale(FeedStatusChanged.Problem.NO_TICKS), USER, NEW_YORK);
        Notice resumed = Notice.feedResumed(EventSamples.feedResumed(), USER, NEW_YORK);

        // Then neither names an address of any channel
        for (Notice notice : List.of(stale, resumed)) {
            assertThat(notice.title() + notice.text())
                    .doesNotContain("http")
                    .doesNotContain("@")
                    .doesNotContain("channel");
        }
        // And as an e-mail, the HTML body escapes the text the plain one shows as it is
        AlertEmail email = AlertEmail.notice(resumed);
        assertThat(email.subject()).isEqualTo(resumed.title());
        assertThat(email.text()).contains("marked \"catch-up\"");
        assertThat(email.html()).contains("marked &quot;catch-up&quot;").doesNotContain("\"catch-up\"");
    }

    private static JsonNode json(NoticePayload payload) {
        return EventJson.mapper().readTree(EventJson.write(payload));
    }
}
