package org.stockalerts.persistence.ticks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.persistence.KafkaTestClient;
import org.stockalerts.persistence.PersistenceIntegrationTest;
import org.stockalerts.testsupport.TestDatabase;

@PersistenceIntegrationTest
class PriceTickIngestionTest {

    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final KafkaTestClient kafka = new KafkaTestClient();

    @Test
    void storesEveryFieldOfEachTickExactlyOnceWhenTheSameBatchIsDeliveredTwice() {
        // Given a batch of ticks of one symbol, stored once
        Symbol symbol = TickDraft.uniqueSymbol("T");
        Instant start = TestDatabase.now();
        List<PriceTick> ticks = IntStream.range(0, 200)
                .mapToObj(n -> TickDraft.series(symbol, n, start))
                .toList();
        ticks.forEach(tick -> kafka.send(Topics.STOCK_PRICES, symbol.value(), tick));
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(symbol) == ticks.size());
        List<Map<String, Object>> stored = rowsOf(symbol);

        // When the very same batch is delivered again, followed by one new tick as a marker
        ticks.forEach(tick -> kafka.send(Topics.STOCK_PRICES, symbol.value(), tick));
        PriceTick marker = TickDraft.series(symbol, 10_000, start);
        kafka.send(Topics.STOCK_PRICES, symbol.value(), marker);
        kafka.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(symbol) == ticks.size() + 1);

        // Then the first batch's rows are exactly as before, once each, and every field round-trips
        List<Map<String, Object>> after = rowsOf(symbol);
        assertThat(after).hasSize(ticks.size() + 1);
        assertThat(after.subList(0, ticks.size())).isEqualTo(stored);
        PriceTick first = ticks.getFirst();
        Map<String, Object> row = stored.getFirst();
        assertThat(row.get("event_id")).isEqualTo(first.eventId());
        assertThat((BigDecimal) row.get("price")).isEqualByComparingTo(first.price());
        assertThat(row.get("volume")).isEqualTo(first.volume());
        assertThat((BigDecimal) row.get("day_high")).isEqualByComparingTo(first.dayHigh());
        assertThat(row.get("source")).isEqualTo("simulated");
        assertThat(((java.sql.Timestamp) row.get("observed_at")).toInstant()).isEqualTo(first.observedAt());
    }

    @Test
    void storesTheOtherTicksOfABatchAndDeadLettersEachBadOneWithItsReason() {
        // Given a batch where a malformed record, an unstorable price and a tick past retention sit between good ticks
        Symbol symbol = TickDraft.uniqueSymbol("T");
        Instant start = TestDatabase.now();
        List<PriceTick> good = new ArrayList<>();
        byte[] malformed = "{\"eventId\":\"not-a-uuid\",\"price\":1}".getBytes(StandardCharsets.UTF_8);
        TickDraft huge = TickDraft.of(TickDraft.series(symbol, 1, start)).price("12345678901234567.5");
        huge.eventId = UUID.randomUUID();
        PriceTick hugePrice = huge.build();
        PriceTick ancient = TickDraft.series(symbol, 2, Instant.parse("2001-01-02T15:00:00Z"));
        for (int n = 10; n < 13; n++) {
            good.add(TickDraft.series(symbol, n, start));
        }
        kafka.send(Topics.STOCK_PRICES, symbol.value(), good.get(0));
        kafka.sendRaw(Topics.STOCK_PRICES, symbol.value(), malformed);
        kafka.send(Topics.STOCK_PRICES, symbol.value(), hugePrice);
        kafka.send(Topics.STOCK_PRICES, symbol.value(), good.get(1));
        kafka.send(Topics.STOCK_PRICES, symbol.value(), ancient);
        kafka.send(Topics.STOCK_PRICES, symbol.value(), good.get(2));

        // When the consumer has processed it
        kafka.flush();
        List<ConsumerRecord<String, byte[]>> dead = kafka.awaitDeadLetters(Topics.STOCK_PRICES, symbol.value(), 3);

        // Then the good ticks are stored and only they
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(symbol) == good.size());
        assertThat(rowsOf(symbol))
                .extracting(row -> row.get("event_id"))
                .containsExactlyElementsOf(good.stream().map(PriceTick::eventId).toList());
        // And each bad record is on the dead-letter topic, as it arrived, with the reason
        assertThat(dead).hasSize(3);
        assertThat(dead.get(0).value()).isEqualTo(malformed);
        assertThat(reasonOf(dead.get(0)))
                .startsWith("malformed record on stock-prices")
                .contains("eventId");
        assertThat(reasonOf(dead.get(1))).contains("price").contains("digits before the decimal point");
        assertThat(reasonOf(dead.get(2))).contains("older than now"); // the tick time bound refuses it first
        assertThat(new String(dead.get(2).value(), StandardCharsets.UTF_8))
                .contains(ancient.eventId().toString());
    }

    @Test
    void keepsConsumingAfterADeadLetteredRecord() {
        // Given a partition whose previous batch held a record that went to the dead-letter topic
        Symbol symbol = TickDraft.uniqueSymbol("T");
        kafka.sendRaw(Topics.STOCK_PRICES, symbol.value(), "not json".getBytes(StandardCharsets.UTF_8));
        kafka.flush();
        kafka.awaitDeadLetters(Topics.STOCK_PRICES, symbol.value(), 1);

        // When further ticks arrive on it
        PriceTick next = TickDraft.series(symbol, 0, TestDatabase.now());
        kafka.send(Topics.STOCK_PRICES, symbol.value(), next);
        kafka.flush();

        // Then they are stored: the partition is not blocked
        await().atMost(Duration.ofSeconds(30)).until(() -> countOf(symbol) == 1);
    }

    @Test
    void deadLettersTicksDatedOutsideTheTickTimeBoundAndStoresTheNextValidOne() {
        // Given ticks of one symbol dated an hour and a week ahead and a year behind the service's clock
        Symbol symbol = TickDraft.uniqueSymbol("T");
        Instant now = Instant.now();
        List<PriceTick> refused = List.of(
                TickDraft.series(symbol, 1, now.plus(Duration.ofHours(1))),
                TickDraft.series(symbol, 2, now.plus(Duration.ofDays(7))),
                TickDraft.series(symbol, 3, now.minus(Duration.ofDays(365))));
        refused.forEach(tick -> kafka.send(Topics.STOCK_PRICES, symbol.value(), tick));

        // When a valid tick follows them
        PriceTick valid = TickDraft.series(symbol, 4, now);
        kafka.send(Topics.STOCK_PRICES, symbol.value(), valid);
        kafka.flush();

        // Then each refused tick is on the dead-letter topic, as it arrived, with the reason
        List<ConsumerRecord<String, byte[]>> dead = kafka.awaitDeadLetters(Topics.STOCK_PRICES, symbol.value(), 3);
        assertThat(dead).hasSize(3);
        for (int i = 0; i < refused.size(); i++) {
            assertThat(new String(dead.get(i).value(), StandardCharsets.UTF_8))
                    .contains(refused.get(i).eventId().toString());
        }
        assertThat(reasonOf(dead.get(0)))
                .startsWith("malformed record on stock-prices")
                .contains("ahead of now");
        assertThat(reasonOf(dead.get(1))).contains("ahead of now");
        assertThat(reasonOf(dead.get(2))).contains("older than now");
        // And only the valid tick is stored
        await().atMost(Duration.ofSeconds(60)).until(() -> countOf(symbol) == 1);
        assertThat(rowsOf(symbol)).extracting(row -> row.get("event_id")).containsExactly(valid.eventId());
    }

    private int countOf(Symbol symbol) {
        Integer count =
                jdbc.queryForObject("SELECT count(*) FROM price_ticks WHERE symbol = ?", Integer.class, symbol.value());
        return count == null ? 0 : count;
    }

    private List<Map<String, Object>> rowsOf(Symbol symbol) {
        return jdbc.queryForList(
                "SELECT * FROM price_ticks WHERE symbol = ? ORDER BY observed_at, event_id", symbol.value());
    }

    private static String reasonOf(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(DeadLetters.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }
}
