package org.stockalerts.api.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stockalerts.api.web.ApiIntegrationTestSupport.TestUser;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.Topics;

/** Issue #16, C9: a tick dated far from the service's clock never reaches a browser as the latest price. */
class LiveTickTimeBoundTest extends LiveIntegrationTestSupport {

    @Autowired
    MeterRegistry meters;

    @Test
    void skipsTicksDatedOutsideTheBoundAndStreamsTheNextValidOne() throws Exception {
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
        double skippedBefore = skippedTicks();
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
        // And the live reader skipped and counted each refused tick (it dead-letters nothing: one copy per instance)
        assertThat(skippedTicks() - skippedBefore).isEqualTo(refused.size());
    }

    private double skippedTicks() {
        Counter counter = meters.find(LivePoison.SKIPPED)
                .tag("topic", Topics.STOCK_PRICES.name())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
