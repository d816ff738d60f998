package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockalerts.api.alerts.AlertCursor;
import org.stockalerts.api.web.ApiIntegrationTestSupport.TestUser;
import org.stockalerts.common.event.AlertTriggered;

/** Reconnects by cursor (issue #24): every alert after the last one seen arrives once, in stream order. */
class LiveResumeTest extends LiveIntegrationTestSupport {

    @Autowired
    AlertTopicReader topicReader;

    @Test
    void aClientThatReconnectsAfterTheFirstOfTwoAlertsFiredByOneTickGetsTheSecond() throws Exception {
        // Given Alice's two rules on one symbol fired on one tick: the same time, and the second alert's id
        // sorting before the first's
        TestUser alice = registerUser("Alice");
        String path = "/users/" + alice.id() + "/alerts/stream";
        Instant tick = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AlertTriggered threshold10 = alert(alice.id(), tick, UUID.fromString("cc1ddc37-0000-5000-8000-000000000000"));
        AlertTriggered threshold20 = alert(alice.id(), tick, UUID.fromString("b267c357-0000-5000-8000-000000000000"));
        AlertCursor first;
        AlertCursor second;
        try (SseClient stream = connect(alice, path, null)) {
            first = publish(threshold10);
            second = publish(threshold20);
            await().atMost(WAIT).until(() -> stream.ids().size() == 2);
            assertThat(stream.ids()).containsExactly(first.toString(), second.toString());
        }
        store(threshold10, first);
        store(threshold20, second);

        // When she reconnects with the first one's id, as if the connection broke after it
        try (SseClient resumed = connect(alice, path, first.toString())) {
            AlertTriggered later = alert(alice.id(), tick.plusSeconds(1));
            AlertCursor next = publish(later);

            // Then she gets the second, then the live one, each once
            await().atMost(WAIT).until(() -> resumed.ids().contains(next.toString()));
            assertThat(resumed.ids()).containsExactly(second.toString(), next.toString());
            assertThat(resumed.events().getFirst().data())
                    .contains(threshold20.alertId().toString());
        }
    }

    @Test
    void aClientThatReconnectsWhileThePersistenceServiceLagsGetsTheAlertsNotStoredYetOnce() throws Exception {
        // Given Alice saw the first of four alerts; the persistence service, paused, stored only the first two
        TestUser alice = registerUser("Alice");
        String path = "/users/" + alice.id() + "/alerts/stream";
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<AlertTriggered> alerts =
                List.of(alert(alice.id(), at), alert(alice.id(), at), alert(alice.id(), at), alert(alice.id(), at));
        List<String> cursors;
        try (SseClient stream = connect(alice, path, null)) {
            cursors = List.of(
                    publish(alerts.get(0)).toString(),
                    publish(alerts.get(1)).toString(),
                    publish(alerts.get(2)).toString(),
                    publish(alerts.get(3)).toString());
            await().atMost(WAIT).until(() -> stream.ids().size() == 4);
        }
        store(alerts.get(0), AlertCursor.parse(cursors.get(0)).orElseThrow());
        store(alerts.get(1), AlertCursor.parse(cursors.get(1)).orElseThrow());

        // When she reconnects after the first, and a fifth fires
        try (SseClient resumed = connect(alice, path, cursors.getFirst())) {
            String fifth = publish(alert(alice.id(), at)).toString();

            // Then she gets the stored second, the two only passed live, and the fifth, each once and in order
            await().atMost(WAIT).until(() -> resumed.ids().contains(fifth));
            assertThat(resumed.ids()).containsExactly(cursors.get(1), cursors.get(2), cursors.get(3), fifth);
        }
    }

    @Test
    void readsAUsersMissedAlertsStraightFromTheTopic() throws Exception {
        // Given two alerts of Alice's with one of Bob's on a partition (the instance did not see them)
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        Instant at = Instant.now();
        AlertCursor first = publish(alert(alice.id(), at));
        AlertCursor second = publish(alert(alice.id(), at));
        publish(alert(bob.id(), at));
        AlertCursor third = publish(alert(alice.id(), at));

        // When the alerts after her first are read from the topic
        var read = topicReader.after(alice.id(), first.partition(), first.offset());

        // Then they are hers after it, in order, with their cursors as ids
        assertThat(read)
                .hasValueSatisfying(events -> assertThat(events)
                        .extracting(LiveEvent::id)
                        .containsExactly(second.toString(), third.toString()));
    }
}
