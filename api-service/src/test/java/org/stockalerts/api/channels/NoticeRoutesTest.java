package org.stockalerts.api.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;

/**
 * The user's notices: the channels alert-consumer disabled and the feed notices it told them (a symbol's market data
 * blind, or back), merged newest first, only the user's own, at most {@value NoticeController#MAX_NOTICES}. Both are
 * rows of alert-consumer's tables, written here as it writes them.
 */
@WithServiceSchemas({"persistence", "alerting"})
class NoticeRoutesTest extends ApiIntegrationTestSupport {

    private static final Instant STALE_AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void listsTheUsersFeedNoticesAndDisabledChannelsNewestFirstAndOnlyHers() {
        // Given a user whose AAPL feed went blind at 10:00 and came back at 10:20, and whose Discord channel was
        // disabled in between; and another user told about MSFT later
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        UUID discord = channel(
                alice,
                "{\"type\": \"DISCORD\", \"address\": \"https://93.184.215.14/api/webhooks/1/tokenTOKENtoken_4321\"}");
        disabled(alice, discord, STALE_AT.plus(Duration.ofMinutes(15)));
        feedNotice(alice, "AAPL", "STALE", "NO_TICKS", "Since 10:00 we get no prices for AAPL.", STALE_AT);
        feedNotice(
                alice,
                "AAPL",
                "RESUMED",
                "NO_TICKS",
                "Prices for AAPL are back, marked \"catch-up\".",
                STALE_AT.plus(Duration.ofMinutes(20)));
        feedNotice(bob, "MSFT", "STALE", "QUOTA_EXHAUSTED", "No prices for MSFT.", STALE_AT.plus(Duration.ofHours(1)));

        // When she lists her notices
        JsonNode notices = json(get(alice, "/users/" + alice.id() + "/notices"));

        // Then she sees the feed coming back, the disabled channel, and the feed going blind, in that order
        assertThat(notices.valueStream().map(notice -> notice.get("kind").asString()))
                .containsExactly("FEED_RESUMED", "CHANNEL_DISABLED", "FEED_STALE");
        JsonNode resumed = notices.get(0);
        assertThat(resumed.get("symbol").asString()).isEqualTo("AAPL");
        assertThat(resumed.get("problem").asString()).isEqualTo("NO_TICKS");
        assertThat(resumed.get("detail").asString()).isEqualTo("Prices for AAPL are back, marked \"catch-up\".");
        assertThat(Instant.parse(resumed.get("at").asString())).isEqualTo(STALE_AT.plus(Duration.ofMinutes(20)));
        assertThat(resumed.has("channelId")).isFalse();
        assertThat(notices.get(1).get("channelId").asString()).isEqualTo(discord.toString());
        assertThat(notices.get(1).has("symbol")).isFalse();
        assertThat(Instant.parse(notices.get(2).get("at").asString())).isEqualTo(STALE_AT);
        // And not the other user's, who cannot read hers
        assertThat(notices.toString()).doesNotContain("MSFT");
        assertProblem(get(bob, "/users/" + alice.id() + "/notices"), 404);
        assertThat(json(get(bob, "/users/" + bob.id() + "/notices")))
                .singleElement()
                .satisfies(
                        notice -> assertThat(notice.get("problem").asString()).isEqualTo("QUOTA_EXHAUSTED"));
    }

    @Test
    void listsTheNewestNoticesUpToTheCap() {
        // Given a user told more feed notices than the list shows
        TestUser carol = registerUser("Carol");
        int told = NoticeController.MAX_NOTICES + 5;
        for (int i = 0; i < told; i++) {
            feedNotice(carol, "AAPL", i % 2 == 0 ? "STALE" : "RESUMED", "NO_TICKS", "notice " + i, at(i));
        }

        // When she lists them
        List<JsonNode> notices = json(get(carol, "/users/" + carol.id() + "/notices"))
                .valueStream()
                .toList();

        // Then she sees the newest, newest first
        assertThat(notices).hasSize(NoticeController.MAX_NOTICES);
        assertThat(notices.getFirst().get("detail").asString()).isEqualTo("notice " + (told - 1));
        assertThat(notices.getLast().get("detail").asString()).isEqualTo("notice 5");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void listsNoFeedNoticesWithoutTheGrantToReadThemAndWarnsOnceNamingIt(CapturedOutput output) {
        // Given a database role that may use alert-consumer's schema but not read its feed notices
        String role = "notices_without_grant_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("CREATE ROLE " + role + " NOLOGIN");
        jdbc.execute("GRANT USAGE ON SCHEMA alerting TO " + role);
        List<List<NoticeController.NoticeView>> listed = new ArrayList<>();
        try {
            // When the feed notices are listed twice as that role
            jdbc.execute((ConnectionCallback<Object>) connection -> {
                try (Statement sql = connection.createStatement()) {
                    sql.execute("SET ROLE " + role);
                    try {
                        FeedNotices notices =
                                new FeedNotices(new JdbcTemplate(new SingleConnectionDataSource(connection, true)));
                        listed.add(notices.newest(UUID.randomUUID(), NoticeController.MAX_NOTICES));
                        listed.add(notices.newest(UUID.randomUUID(), NoticeController.MAX_NOTICES));
                    } finally {
                        sql.execute("RESET ROLE");
                    }
                }
                return null;
            });
        } finally {
            jdbc.execute("REVOKE USAGE ON SCHEMA alerting FROM " + role);
            jdbc.execute("DROP ROLE " + role);
        }

        // Then there are none, and one warning names the grant that is missing
        assertThat(listed).hasSize(2).allSatisfy(notices -> assertThat(notices).isEmpty());
        assertThat(output.getOut().lines().filter(line -> line.contains("lacks SELECT on alerting.feed_notices")))
                .singleElement()
                .asString()
                .contains("grant=\"SELECT\"");
    }

    private static Instant at(int minute) {
        return STALE_AT.plus(Duration.ofMinutes(minute));
    }

    private UUID channel(TestUser user, String body) {
        MvcTestResult added = post(user, "/users/" + user.id() + "/channels", body);
        assertThat(added).hasStatus(201);
        return UUID.fromString(json(added).get("id").asString());
    }

    private void disabled(TestUser user, UUID channel, Instant at) {
        jdbc.update(
                "INSERT INTO alerting.endpoint_states (channel_id, user_id, failing_since, disabled_at, disabled_reason,"
                        + " updated_at) VALUES (?, ?, ?, ?, '3 final errors', ?)",
                channel,
                user.id(),
                Timestamp.from(at),
                Timestamp.from(at),
                Timestamp.from(at));
    }

    private void feedNotice(TestUser user, String symbol, String status, String problem, String detail, Instant at) {
        jdbc.update(
                "INSERT INTO alerting.feed_notices (notice_id, event_id, user_id, symbol, status, problem, detail, at,"
                        + " created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                UUID.randomUUID(),
                user.id(),
                symbol,
                status,
                problem,
                detail,
                Timestamp.from(at),
                Timestamp.from(at),
                Timestamp.from(at));
    }
}
