package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.api.web.ApiIntegrationTestSupport.TestUser;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;

class LiveStreamTest extends LiveIntegrationTestSupport {

    @Test
    void pushesTheUsersAlertsAndNotAnotherUsers() throws Exception {
        // Given Alice listening to her alerts
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        try (SseClient stream = connect(alice, "/users/" + alice.id() + "/alerts/stream", null)) {
            assertThat(stream.status()).isEqualTo(200);

            // When an alert fires for Bob, then one for Alice
            AlertTriggered bobs = alert(bob.id(), Instant.now());
            AlertTriggered hers = alert(alice.id(), Instant.now());
            publish(bobs);
            AlertCursor cursor = publish(hers);

            // Then she receives only hers, named 'alert', with its cursor as event id, and heartbeats
            await().atMost(WAIT)
                    .until(() -> stream.comments() > 0 && !stream.events().isEmpty());
            assertThat(stream.ids()).containsExactly(cursor.toString());
            assertThat(stream.events().getFirst().name()).isEqualTo("alert");
            assertThat(stream.events().getFirst().data()).contains("\"alertId\":\"" + hers.alertId() + "\"");
        }
    }

    @Test
    void resumesAfterAnAlertIdSentBeforeCursorsWithTheMissedStoredAlertsThenLiveOnesWithoutDuplicates()
            throws Exception {
        // Given Alice saw a first alert, identified by its alertId as before cursors existed, then
        // disconnected while two more fired and were stored without positions
        TestUser alice = registerUser("Alice");
        String path = "/users/" + alice.id() + "/alerts/stream";
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AlertTriggered seen = alert(alice.id(), start);
        AlertTriggered missed = alert(alice.id(), start.plusMillis(1));
        AlertTriggered missedAndLate = alert(alice.id(), start.plusMillis(2));
        AlertTriggered next = alert(alice.id(), start.plusMillis(3));
        try (SseClient first = connect(alice, path, null)) {
            publish(seen);
            await().atMost(WAIT).until(() -> !first.events().isEmpty());
        }
        store(seen);
        store(missed);
        store(missedAndLate);

        // When she reconnects with the last id she saw, and the late one and a new one arrive live
        try (SseClient resumed = connect(alice, path, seen.alertId().toString())) {
            publish(missedAndLate);
            String nextCursor = publish(next).toString();

            // Then she gets the missed ones from the history (by alertId), then the live one, each once
            await().atMost(WAIT).until(() -> resumed.ids().contains(nextCursor));
            assertThat(resumed.ids())
                    .containsExactly(
                            missed.alertId().toString(), missedAndLate.alertId().toString(), nextCursor);
        }
    }

    @Test
    void refusesConnectionsBeyondTheLimitAndOtherUsersStreams() throws Exception {
        // Given Alice holds the two streams she may open
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        String path = "/users/" + alice.id() + "/alerts/stream";
        try (SseClient one = connect(alice, path, null);
                SseClient two = connect(alice, "/stocks/AAPL/stream", null)) {
            assertThat(one.status()).isEqualTo(200);
            assertThat(two.status()).isEqualTo(200);

            // When she opens a third, and Bob opens hers
            try (SseClient third = connect(alice, path, null);
                    SseClient bobs = connect(bob, path, null)) {

                // Then the third is a 429 and Bob's a 404, both problem details
                assertThat(third.status()).isEqualTo(429);
                assertThat(third.header("Retry-After")).contains("10");
                assertThat(bobs.status()).isEqualTo(404);
                await().atMost(WAIT).until(() -> third.body().contains("\"status\":429"));
                assertThat(third.body()).contains("\"limit\":\"streams-per-user\"", "\"maximum\":2");
            }
        }

        // And once she closed them, she may connect again
        await().atMost(WAIT).untilAsserted(() -> {
            try (SseClient again = connect(alice, path, null)) {
                assertThat(again.status()).isEqualTo(200);
            }
        });
    }

    @Test
    void pushesTheTicksOfTheFollowedSymbolOnly() throws Exception {
        // Given Alice following one symbol
        TestUser alice = registerUser("Alice");
        Symbol followed = TickDraft.uniqueSymbol("F");
        Symbol other = TickDraft.uniqueSymbol("O");
        try (SseClient stream = connect(alice, "/stocks/" + followed.value().toLowerCase() + "/stream", null)) {

            // When ticks of another symbol and of hers arrive
            publish(tick(other, "10.00"));
            var tick = tick(followed, "12.34");
            publish(tick);

            // Then she receives hers only
            await().atMost(WAIT).until(() -> !stream.events().isEmpty());
            assertThat(stream.ids()).containsExactly(tick.eventId().toString());
            assertThat(stream.events().getFirst().name()).isEqualTo("tick");
            assertThat(stream.events().getFirst().data()).contains("\"price\":12.34");
        }
    }
}
