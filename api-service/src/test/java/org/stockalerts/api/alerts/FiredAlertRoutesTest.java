package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.kafka.EventJson;
import tools.jackson.databind.JsonNode;

class FiredAlertRoutesTest extends ApiIntegrationTestSupport {

    @Test
    void listsTheUsersFiredAlertsNewestFirstPagedAndFiltered() {
        // Given three alerts fired for Alice (two on AAPL) and one for Bob
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        fired(alice.id(), "AAPL", "2026-03-01T10:00:00Z");
        fired(alice.id(), "MSFT", "2026-03-02T10:00:00Z");
        fired(alice.id(), "AAPL", "2026-03-03T10:00:00Z");
        fired(bob.id(), "AAPL", "2026-03-04T10:00:00Z");
        String alerts = "/users/" + alice.id() + "/alerts";

        // When she lists them, a page of one, by symbol and by time range
        JsonNode all = json(get(alice, alerts));
        JsonNode firstPage = json(get(alice, alerts + "?size=1&page=0"));
        JsonNode aapl = json(get(alice, alerts + "?symbol=aapl"));
        JsonNode range = json(get(alice, alerts + "?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z"));

        // Then she sees only hers, newest first, paged and filtered
        assertThat(all.get("total").asLong()).isEqualTo(3);
        assertThat(all.get("items").get(0).get("triggeredAt").asString()).isEqualTo("2026-03-03T10:00:00Z");
        assertThat(all.get("items").get(2).get("triggeredAt").asString()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(aapl.get("total").asLong()).isEqualTo(2);
        assertThat(range.get("items")).hasSize(1);
        assertThat(range.get("items").get(0).get("symbol").asString()).isEqualTo("MSFT");
    }

    @Test
    void refusesSomeoneElsesAlertsAndBadParameters() {
        // Given two users
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");

        // When Alice reads Bob's alerts, or asks with an inverted range, a bad instant or an oversized page
        // Then the first is a 404, the others 400s
        assertProblem(get(alice, "/users/" + bob.id() + "/alerts"), 404);
        String mine = "/users/" + alice.id() + "/alerts";
        assertProblem(get(alice, mine + "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"), 400);
        assertProblem(get(alice, mine + "?from=yesterday"), 400);
        assertProblem(get(alice, mine + "?size=100000"), 400);
        assertProblem(get(alice, mine + "?page=-1"), 400);
    }

    @Test
    void pagesAfterACursorInTheOrderTheLiveStreamSendsThemEvenWhenTheyFiredAtOnce() {
        // Given Alice's alerts: one stored before positions were kept, then three fired by one tick whose
        // alert ids sort against their order in the stream
        TestUser alice = registerUser("Alice");
        UUID old = fired(alice.id(), "AAPL", "2026-03-01T10:00:00Z", UUID.randomUUID(), null);
        String tick = "2026-03-02T10:00:00Z";
        fired(alice.id(), "AAPL", tick, UUID.fromString("cc000000-0000-5000-8000-000000000000"), 12L);
        fired(alice.id(), "AAPL", tick, UUID.fromString("bb000000-0000-5000-8000-000000000000"), 14L);
        fired(alice.id(), "MSFT", tick, UUID.fromString("aa000000-0000-5000-8000-000000000000"), 15L);
        String alerts = "/users/" + alice.id() + "/alerts";

        // When she polls pages of two from the alert stored before positions, then from the last cursor
        JsonNode first = json(get(alice, alerts + "?size=2&after=" + old));
        String last = first.get("items").get(1).get("cursor").asString();
        JsonNode second = json(get(alice, alerts + "?size=2&after=" + last));
        JsonNode aaplOnly = json(get(alice, alerts + "?symbol=AAPL&after=3-12"));
        JsonNode afterAnAlertId = json(get(alice, alerts + "?after=cc000000-0000-5000-8000-000000000000"));

        // Then she sees each alert once, in stream order, with the number left after the cursor
        assertThat(cursors(first)).containsExactly("3-12", "3-14");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(cursors(second)).containsExactly("3-15");
        assertThat(cursors(aaplOnly)).containsExactly("3-14");
        assertThat(cursors(afterAnAlertId)).containsExactly("3-14", "3-15");

        // And a cursor of no alert of hers, or 'after' with a page, is a 400
        assertProblem(get(alice, alerts + "?after=" + UUID.randomUUID()), 400);
        assertProblem(get(alice, alerts + "?after=yesterday"), 400);
        assertProblem(get(alice, alerts + "?after=4000-1"), 400);
        assertProblem(get(alice, alerts + "?after=3-12&page=1"), 400);
    }

    @Test
    void showsWhyEachAlertFiredWhereTheEngineSaidIt() {
        // Given an alert stored with the engine's receipt, and one fired before receipts
        TestUser alice = registerUser("Alice");
        Instant at = Instant.parse("2026-03-05T15:31:07Z");
        AlertTriggered withReceipt = AlertDraft.alert()
                .user(alice.id())
                .receipt(AlertDraft.receipt(at))
                .build();
        UUID stored = fired(alice.id(), "AAPL", "2026-03-05T15:31:07Z", UUID.randomUUID(), 20L);
        jdbc.update(
                "UPDATE persistence.alerts SET payload = ?::jsonb WHERE alert_id = ?",
                new String(EventJson.write(withReceipt), StandardCharsets.UTF_8),
                stored);
        fired(alice.id(), "AAPL", "2026-03-01T10:00:00Z");

        // When she lists her alerts
        JsonNode items = json(get(alice, "/users/" + alice.id() + "/alerts")).get("items");

        // Then the newer one says why it fired; the older one has no receipt
        JsonNode shown = items.get(0).get("receipt");
        assertThat(shown.get("condition").asString()).isEqualTo("PRICE_ABOVE");
        assertThat(shown.get("threshold").decimalValue()).isEqualByComparingTo("200");
        assertThat(shown.get("observedValue").decimalValue()).isEqualByComparingTo("201.37");
        assertThat(shown.get("previousValue").decimalValue()).isEqualByComparingTo("199.80");
        assertThat(shown.get("source").asString()).isEqualTo("alphavantage");
        assertThat(shown.get("evaluatedAt").asString()).isEqualTo("2026-03-05T15:31:07.038Z");
        assertThat(shown.get("latencyMillis").asLong()).isEqualTo(38);
        assertThat(shown.get("ruleRevision").asLong()).isEqualTo(3);
        assertThat(shown.get("before").get("armed").asBoolean()).isTrue();
        assertThat(shown.get("after").get("armed").asBoolean()).isFalse();
        assertThat(shown.get("after").get("lastFiredAt").asString()).isEqualTo("2026-03-05T15:31:07Z");
        assertThat(items.get(1).get("receipt").isNull()).isTrue();
    }

    private static List<String> cursors(JsonNode page) {
        List<String> cursors = new ArrayList<>();
        page.get("items").forEach(item -> cursors.add(item.get("cursor").asString()));
        return cursors;
    }

    private void fired(UUID userId, String symbol, String at) {
        fired(userId, symbol, at, UUID.randomUUID(), null);
    }

    /** An alert stored by the persistence service, on partition 3 at {@code offset} (null: none kept). */
    private UUID fired(UUID userId, String symbol, String at, UUID alertId, Long offset) {
        Instant triggeredAt = Instant.parse(at);
        jdbc.update(
                "INSERT INTO persistence.alerts (alert_id, event_id, user_id, rule_id, symbol, condition,"
                        + " observed_value, message, source_event_id, observed_at, triggered_at, payload,"
                        + " kafka_partition, kafka_offset)"
                        + " VALUES (?, ?, ?, ?, ?, 'PRICE_ABOVE', ?, ?, ?, ?, ?, '{}'::jsonb, ?, ?)",
                alertId,
                UUID.randomUUID(),
                userId,
                UUID.randomUUID(),
                symbol,
                new BigDecimal("201.5"),
                symbol + " rose above 200",
                UUID.randomUUID(),
                Timestamp.from(triggeredAt),
                Timestamp.from(triggeredAt),
                offset == null ? null : 3,
                offset);
        return alertId;
    }
}
