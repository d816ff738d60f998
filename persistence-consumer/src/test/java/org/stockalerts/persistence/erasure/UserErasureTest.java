package org.stockalerts.persistence.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.ChannelTarget;
import org.stockalerts.common.event.ChannelType;
import org.stockalerts.common.event.ChannelsChanged;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.event.UserEvent;
import org.stockalerts.common.event.UserRegistered;
import org.stockalerts.common.fixtures.AlertDraft;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.persistence.KafkaTestClient;
import org.stockalerts.persistence.PersistenceIntegrationTest;
import org.stockalerts.testsupport.PersonalDataScan;
import org.stockalerts.testsupport.TestDatabase;

/** A UserDeleted on user-events leaves nothing of the user's personal data in the persistence schema. */
@PersistenceIntegrationTest
class UserErasureTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @RegisterExtension
    final KafkaTestClient kafka = new KafkaTestClient();

    @Test
    void aDeletedUsersEventsAndAlertsAreErasedAndOnlyTheDeletionStaysInTheAuditLog() throws Exception {
        // Given a user's registration, channels and a fired alert stored, and another user's registration
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID ada = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        Instant now = TestDatabase.now();
        List<String> personal =
                List.of("Ada " + tag, "ada-" + tag + "@example.com", "https://93.184.215.14/hooks/" + tag);
        UserRegistered registered =
                EventSamples.registered(UUID.randomUUID(), ada, now, personal.get(0), personal.get(1));
        ChannelsChanged channels = new ChannelsChanged(
                UUID.randomUUID(),
                now,
                ChannelsChanged.CURRENT_VERSION,
                ada,
                List.of(
                        new ChannelTarget(UUID.randomUUID(), ChannelType.EMAIL, personal.get(1), true),
                        new ChannelTarget(UUID.randomUUID(), ChannelType.WEBHOOK, personal.get(2), true)));
        AlertTriggered alert = AlertDraft.firedBy(TickDraft.series(TickDraft.uniqueSymbol("T"), 1, now))
                .user(ada)
                .threshold("100.00")
                .build();
        UserRegistered other =
                EventSamples.registered(UUID.randomUUID(), grace, now, "Grace " + tag, "grace-" + tag + "@example.com");
        send(registered, channels, other);
        kafka.send(Topics.ALERTS_TRIGGERED, ada.toString(), alert);
        kafka.flush();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("user_event_log", ada) == 2
                        && count("alerts", ada) == 1
                        && count("user_event_log", grace) == 1);
        assertThat(PersonalDataScan.findings(dataSource, List.of("persistence"), personal))
                .contains("persistence.user_event_log.payload contains " + personal.get(2));

        // When her deletion arrives
        UserDeleted deleted = new UserDeleted(UUID.randomUUID(), now, UserDeleted.CURRENT_VERSION, ada);
        send(deleted);
        kafka.flush();

        // Then no text, JSON or array column of the schema holds her name, e-mail or webhook URL
        await().atMost(Duration.ofSeconds(30)).until(() -> count("alerts", ada) == 0);
        assertThat(PersonalDataScan.findings(dataSource, List.of("persistence"), personal))
                .isEmpty();
        // And the audit log keeps only her deletion, and the other user's events
        assertThat(jdbc.queryForList("SELECT event_type FROM user_event_log WHERE user_id = ?", String.class, ada))
                .containsExactly("UserDeleted");
        assertThat(count("user_event_log", grace)).isEqualTo(1);
    }

    private void send(UserEvent... events) {
        for (UserEvent event : events) {
            kafka.send(Topics.USER_EVENTS, event.userId().toString(), event);
        }
    }

    private int count(String table, UUID userId) {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE user_id = ?", Integer.class, userId);
        return count == null ? 0 : count;
    }
}
