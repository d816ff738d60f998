package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.ApiIntegrationTestSupport.TestUser;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.DeadLetterRecords;

/** Issue #16, C9: a tick dated far from the service's clock never reaches a browser as the latest price. */
class LiveTickTimeBoundTest extends LiveIntegrationTestSupport {

    @Test
    void deadLettersTicksDatedOutsideTheBoundAndStreamsTheNextValidOne() throws Exception {
        // Given a client watching a symbol of its own
        TestUser alice = registerUser("Alice");
        Symbol symbol = TickDraft.uniqueSymbol("B");
        Instant now = Instant.now();
        List<PriceTick> refused = List.of(
                TickDraft.tick()
                        .on(symbol.value())
                        .price("500")
                        .at(now.plus(Duration.ofHours(1)))
                        .build(),
                TickDraft.tick()
                        .on(symbol.value())
                        .price("600")
                        .at(now.plus(Duration.ofDays(7)))
                        .build(),
                TickDraft.tick()
                        .on(symbol.value())
                        .price("5")
                        .at(now.minus(Duration.ofDays(365)))
                        .build());
        PriceTick valid =
                TickDraft.tick().on(symbol.value()).price("42.5").at(now).build();
        try (SseClient stream = connect(alice, "/stocks/" + symbol.value() + "/stream", null)) {

            // When ticks dated an hour and a week ahead and a year back arrive, then a valid one
            for (PriceTick tick : refused) {
                publish(tick);
            }
            publish(valid);

            // Then the stream shows the valid tick and none of the refused ones
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(String.join(
                                    "\n",
                                    stream.events().stream()
                                            .map(SseClient.Event::data)
                                            .toList()))
                            .contains(valid.eventId().toString()));
            String seen = String.join(
                    "\n", stream.events().stream().map(SseClient.Event::data).toList());
            refused.forEach(
                    tick -> assertThat(seen).doesNotContain(tick.eventId().toString()));
        }
        // And each refused tick is on the dead-letter topic with the service and the reason
        List<ConsumerRecord<String, byte[]>> dead = DeadLetterRecords.await(
                Topics.STOCK_PRICES.deadLetterTopic(), Topics.STOCK_PRICES.partitions(), symbol.value(), 3);
        for (PriceTick tick : refused) {
            ConsumerRecord<String, byte[]> letter = dead.stream()
                    .filter(record -> new String(record.value(), StandardCharsets.UTF_8)
                            .contains(tick.eventId().toString()))
                    .findFirst()
                    .orElseThrow();
            assertThat(DeadLetterRecords.header(letter.headers(), DeadLetters.CONSUMER_HEADER))
                    .isEqualTo("api-service");
            assertThat(DeadLetterRecords.header(letter.headers(), DeadLetters.REASON_HEADER))
                    .startsWith("malformed record on stock-prices")
                    .containsAnyOf("ahead of now", "older than now");
        }
    }
}
