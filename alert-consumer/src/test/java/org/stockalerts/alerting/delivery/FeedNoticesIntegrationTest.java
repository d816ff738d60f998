package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.stockalerts.common.event.FeedStatusChanged;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.event.UserDeleted;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.DeadLetterRecords;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.RawKafkaClient;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;

/**
 * Feed notices through the real broker and database: a symbol's feed going blind and coming back tells each user with
 * an active rule on it once (a row of {@code alerting.feed_notices}, and one signed webhook call), nobody else, and
 * nobody twice when the event comes again, until the user is deleted; a record that is not a feed status is
 * dead-lettered and the next one told.
 * The rules and channels are rows of the API's tables, as api-service writes them.
 */
@IntegrationTest
@SpringBootTest(
        properties = {
            "stockalerts.delivery.allowed-hosts=127.0.0.1,localhost",
            "stockalerts.delivery.connect-timeout=500ms",
            "stockalerts.delivery.request-timeout=2s",
            "stockalerts.delivery.first-attempt-timeout=500ms"
        })
@WithServiceSchemas("api")
class FeedNoticesIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final RawKafkaClient RAW = RawKafkaClient.onTestBroker();

    @Autowired
    KafkaOperations<Object, Object> kafka;

    @Autowired
    JdbcTemplate jdbc;

    private final MockWebServer receiver = new MockWebServer();

    @BeforeEach
    void listenersHaveTheirPartitions(@Autowired KafkaListenerEndpointRegistry listeners) throws Exception {
        DeliveryFixtures.started(receiver);
        DeliveryFixtures.awaitPartitionsAssigned(listeners, WAIT);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyUserWithAnActiveRuleOnTheSymbolIsToldOnceThatItWentBlindAndThatItIsBackUntilTheyAreDeleted()
            throws Exception {
        // Given a symbol watched by two users with active rules (one with a webhook, one in-app only), a user whose
        // rule on it is paused, and a user with a rule on another symbol
        Symbol symbol = TickDraft.uniqueSymbol("FN");
        UUID withWebhook = DeliveryFixtures.user(jdbc);
        UUID inAppOnly = DeliveryFixtures.user(jdbc);
        UUID paused = DeliveryFixtures.user(jdbc);
        UUID elsewhere = DeliveryFixtures.user(jdbc);
        rule(withWebhook, symbol, "ACTIVE");
        rule(withWebhook, symbol, "ACTIVE");
        rule(inAppOnly, symbol, "ACTIVE");
        rule(paused, symbol, "PAUSED");
        rule(elsewhere, TickDraft.uniqueSymbol("FO"), "ACTIVE");
        String secret = DeliveryFixtures.newSecret();
        for (int i = 0; i < 3; i++) {
            receiver.enqueue(DeliveryFixtures.accepted());
        }
        DeliveryFixtures.webhook(jdbc, withWebhook, receiver, secret);

        // When its feed goes stale
        Instant lastTick = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(20));
        FeedStatusChanged stale = FeedStatusChanged.stale(
                UUID.randomUUID(),
                lastTick.plus(Duration.ofMinutes(6)),
                symbol,
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                lastTick,
                lastTick.plus(Duration.ofMinutes(5)));
        publish(stale);

        // Then each of the two watching users has one STALE notice, and nobody else has any
        await().atMost(WAIT).until(() -> notices(symbol).equals(sorted(withWebhook + ":STALE", inAppOnly + ":STALE")));
        assertThat(noticesOf(paused)).isZero();
        assertThat(noticesOf(elsewhere)).isZero();

        // And the webhook got one signed feed.stale event under the notice's id
        RecordedRequest staleCall = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(staleCall).isNotNull();
        String body = staleCall.getBody().string(StandardCharsets.UTF_8);
        JsonNode payload = EventJson.mapper().readTree(body);
        assertThat(payload.get("type").asString()).isEqualTo("feed.stale");
        assertThat(payload.at("/data/symbol").asString()).isEqualTo(symbol.value());
        assertThat(payload.at("/data/problem").asString()).isEqualTo("NO_TICKS");
        String id = staleCall.getHeaders().get("webhook-id");
        assertThat(id)
                .isEqualTo(noticeId(withWebhook, "STALE"))
                .isEqualTo(payload.at("/data/noticeId").asString());
        assertThat(staleCall.getHeaders().get("webhook-signature"))
                .isEqualTo(DeliveryIntegrationTest.expectedSignature(
                        secret, id, staleCall.getHeaders().get("webhook-timestamp"), body));

        // When the same event comes again, and then the feed resumes
        publish(stale);
        Instant resumedAt = lastTick.plus(Duration.ofMinutes(15));
        publish(FeedStatusChanged.resumed(
                UUID.randomUUID(),
                resumedAt.plusSeconds(5),
                symbol,
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                lastTick,
                lastTick.plus(Duration.ofMinutes(5)),
                resumedAt,
                FeedStatusChanged.CatchUpSource.BARS,
                List.of(new FeedStatusChanged.PricePoint(
                        new BigDecimal("201.25"), lastTick.plus(Duration.ofMinutes(9))))));

        // Then each watching user has one RESUMED notice more, and the repeated event told nobody again
        await().atMost(WAIT)
                .until(() -> notices(symbol)
                        .equals(sorted(
                                withWebhook + ":RESUMED",
                                withWebhook + ":STALE",
                                inAppOnly + ":RESUMED",
                                inAppOnly + ":STALE")));
        RecordedRequest resumedCall = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(resumedCall).isNotNull();
        JsonNode resumed = EventJson.mapper().readTree(resumedCall.getBody().string(StandardCharsets.UTF_8));
        assertThat(resumed.get("type").asString()).isEqualTo("feed.resumed");
        assertThat(resumed.at("/data/text").asString())
                .contains("after 10 minutes")
                .contains("catch-up");
        assertThat(resumedCall.getHeaders().get("webhook-id")).isEqualTo(noticeId(withWebhook, "RESUMED"));
        assertThat(receiver.getRequestCount()).isEqualTo(2);
        // and every notice is marked sent, so a redelivery sends none of them
        await().atMost(WAIT)
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM alerting.feed_notices WHERE symbol = ? AND sent_at IS NULL",
                                Integer.class,
                                symbol.value())
                        == 0);

        // When the in-app user is deleted, their notices go with them
        kafka.send(
                        Topics.USER_EVENTS.name(),
                        inAppOnly.toString(),
                        new UserDeleted(UUID.randomUUID(), Instant.now(), UserDeleted.CURRENT_VERSION, inAppOnly))
                .get(10, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> noticesOf(inAppOnly) == 0);
        assertThat(noticesOf(withWebhook)).isEqualTo(2);
    }

    @Test
    void aNewLeaderReportingTheSameOutageTellsOnlyThoseNotToldOfItAndItsEndOnlyThoseToldOfItsStart() throws Exception {
        // Given a symbol watched by a user with a webhook, whose feed went blind and who was told
        Symbol symbol = TickDraft.uniqueSymbol("FL");
        UUID told = DeliveryFixtures.user(jdbc);
        rule(told, symbol, "ACTIVE");
        for (int i = 0; i < 3; i++) {
            receiver.enqueue(DeliveryFixtures.accepted());
        }
        DeliveryFixtures.webhook(jdbc, told, receiver, DeliveryFixtures.newSecret());
        Instant lastTick = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(60));
        publish(staleSince(symbol, lastTick, lastTick.plus(Duration.ofMinutes(5))));
        await().atMost(WAIT).until(() -> notices(symbol).equals(List.of(told + ":STALE")));
        // and a user who made a rule on it after that
        UUID late = DeliveryFixtures.user(jdbc);
        rule(late, symbol, "ACTIVE");

        // When a new leader of the poller reports the same outage under a new event
        publish(staleSince(symbol, lastTick, lastTick.plus(Duration.ofMinutes(12))));

        // Then only the user who was not told of it is told
        await().atMost(WAIT).until(() -> notices(symbol).equals(sorted(told + ":STALE", late + ":STALE")));

        // When a user makes a rule on it while it is blind, and the feed comes back, and a leader says so again
        UUID afterTheStart = DeliveryFixtures.user(jdbc);
        rule(afterTheStart, symbol, "ACTIVE");
        publish(resumedAt(symbol, lastTick, lastTick.plus(Duration.ofMinutes(20))));
        publish(resumedAt(symbol, lastTick, lastTick.plus(Duration.ofMinutes(21))));
        // and then it goes blind again
        publish(staleSince(symbol, lastTick.plus(Duration.ofMinutes(30)), lastTick.plus(Duration.ofMinutes(35))));

        // Then the two told of the start are told once of its end and once of the next outage; the third only of
        // the next outage
        await().atMost(WAIT)
                .until(() -> notices(symbol)
                        .equals(sorted(
                                told + ":STALE",
                                told + ":RESUMED",
                                told + ":STALE",
                                late + ":STALE",
                                late + ":RESUMED",
                                late + ":STALE",
                                afterTheStart + ":STALE")));
        // and the webhook got one call for each: blind, back, blind again
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest call = receiver.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(call).isNotNull();
            calls.add(EventJson.mapper()
                    .readTree(call.getBody().string(StandardCharsets.UTF_8))
                    .get("type")
                    .asString());
        }
        assertThat(calls).containsExactly("feed.stale", "feed.resumed", "feed.stale");
        assertThat(receiver.getRequestCount()).isEqualTo(3);
    }

    @Test
    void theListenerPollsOneRecordAtATime(@Autowired KafkaListenerEndpointRegistry listeners) {
        // a record's sends go user by user; a poll of many records would have to finish them all within
        // max.poll.interval.ms
        assertThat(listeners
                        .getListenerContainer(FeedStatusListener.GROUP)
                        .getContainerProperties()
                        .getKafkaConsumerProperties())
                .containsEntry("max.poll.records", "1");
    }

    @Test
    void aRecordThatIsNotAFeedStatusIsDeadLetteredAndTheNextOneIsTold() throws Exception {
        // Given a symbol one user watches
        Symbol symbol = TickDraft.uniqueSymbol("FP");
        UUID watcher = DeliveryFixtures.user(jdbc);
        rule(watcher, symbol, "ACTIVE");
        int partition = Topics.FEED_STATUS.partitionOf(symbol.value());

        // When a malformed record is written to the symbol's partition, then a valid feed status behind it
        String poison = "{\"eventId\": \"not a feed status\"";
        RAW.send(Topics.FEED_STATUS.name(), partition, symbol.value(), poison.getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        FeedStatusChanged stale = FeedStatusChanged.stale(
                UUID.randomUUID(),
                now,
                symbol,
                FeedStatusChanged.Problem.UNKNOWN_SYMBOL,
                TickSource.ALPHAVANTAGE,
                null,
                now.minusSeconds(10));
        RAW.send(Topics.FEED_STATUS.name(), partition, symbol.value(), EventJson.write(stale));

        // Then the valid one is told
        await().atMost(WAIT).until(() -> notices(symbol).equals(List.of(watcher + ":STALE")));
        // and the malformed one is in feed-status.DLT, once as this service's (the engine, which reads feed-status
        // too, dead-letters it under its own name, sooner or later)
        List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            ours.clear();
            DeadLetterRecords.await(
                            Topics.FEED_STATUS.deadLetterTopic(), Topics.FEED_STATUS.partitions(), symbol.value(), 1)
                    .stream()
                    .filter(record -> DeadLetterRecords.header(record.headers(), DeadLetters.CONSUMER_HEADER)
                            .equals("alert-consumer"))
                    .forEach(ours::add);
            return !ours.isEmpty();
        });
        assertThat(ours)
                .singleElement()
                .satisfies(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .isEqualTo(poison));
    }

    private void rule(UUID user, Symbol symbol, String status) {
        jdbc.update(
                "INSERT INTO api.alert_rules (id, user_id, symbol, condition, threshold, trigger_mode, status,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 'PRICE_ABOVE', 200, 'ONCE', ?, now(), now())",
                UUID.randomUUID(),
                user,
                symbol.value(),
                status);
    }

    private static FeedStatusChanged staleSince(Symbol symbol, Instant lastTick, Instant since) {
        return FeedStatusChanged.stale(
                UUID.randomUUID(),
                since.plusSeconds(30),
                symbol,
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                lastTick,
                since);
    }

    private static FeedStatusChanged resumedAt(Symbol symbol, Instant lastTick, Instant resumedAt) {
        return FeedStatusChanged.resumed(
                UUID.randomUUID(),
                resumedAt.plusSeconds(5),
                symbol,
                FeedStatusChanged.Problem.NO_TICKS,
                TickSource.FINNHUB,
                lastTick,
                lastTick.plus(Duration.ofMinutes(5)),
                resumedAt,
                FeedStatusChanged.CatchUpSource.NONE,
                List.of());
    }

    private void publish(FeedStatusChanged event) throws Exception {
        kafka.send(Topics.FEED_STATUS.name(), event.symbol().value(), event).get(10, TimeUnit.SECONDS);
    }

    /** {@code user:STATUS} of each notice about {@code symbol}, sorted. */
    private List<String> notices(Symbol symbol) {
        return jdbc
                .queryForList(
                        "SELECT user_id || ':' || status FROM alerting.feed_notices WHERE symbol = ?",
                        String.class,
                        symbol.value())
                .stream()
                .sorted()
                .toList();
    }

    private int noticesOf(UUID user) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM alerting.feed_notices WHERE user_id = ?", Integer.class, user);
        return count == null ? 0 : count;
    }

    private String noticeId(UUID user, String status) {
        return jdbc.queryForObject(
                "SELECT notice_id::text FROM alerting.feed_notices WHERE user_id = ? AND status = ?",
                String.class,
                user,
                status);
    }

    private static List<String> sorted(String... entries) {
        return List.of(entries).stream().sorted().toList();
    }
}
