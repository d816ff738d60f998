package org.stockalerts.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
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

    private void fired(UUID userId, String symbol, String at) {
        Instant triggeredAt = Instant.parse(at);
        jdbc.update(
                "INSERT INTO persistence.alerts (alert_id, event_id, user_id, rule_id, symbol, condition,"
                        + " observed_value, message, source_event_id, observed_at, triggered_at, payload)"
                        + " VALUES (?, ?, ?, ?, ?, 'PRICE_ABOVE', ?, ?, ?, ?, ?, '{}'::jsonb)",
                UUID.randomUUID(),
                UUID.randomUUID(),
                userId,
                UUID.randomUUID(),
                symbol,
                new BigDecimal("201.5"),
                symbol + " rose above 200",
                UUID.randomUUID(),
                Timestamp.from(triggeredAt),
                Timestamp.from(triggeredAt));
    }
}
