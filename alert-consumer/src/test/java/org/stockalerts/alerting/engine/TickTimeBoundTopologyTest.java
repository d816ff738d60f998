package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.common.fixtures.RuleDraft.level;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.DeadLetters;
import org.stockalerts.testsupport.DeadLetterRecords;

/** Issue #16, C9: a tick dated far from the engine's clock neither fires nor freezes its symbol. */
class TickTimeBoundTopologyTest extends EngineTopologyTest {

    @Test
    void deadLettersTicksDatedOutsideTheBoundAndTheNextValidTickStillFires() {
        // Given a rule above 100 on AAPL, a tick below it, and the engine's clock at that tick
        engine.rule(level(Condition.PRICE_ABOVE, "100").build());
        engine.tick("AAPL", "99", 0);
        Instant now = engine.now();

        // When ticks above the level dated an hour and a week ahead and a year back arrive
        List<PriceTick> refused = List.of(
                engine.tickAsIs(TickDraft.tick("AAPL", "150", now.plus(Duration.ofHours(1)))),
                engine.tickAsIs(TickDraft.tick("AAPL", "150", now.plus(Duration.ofDays(7)))),
                engine.tickAsIs(TickDraft.tick("AAPL", "150", now.minus(Duration.ofDays(365)))));
        // and a valid one a second after the first
        PriceTick valid = engine.tick("AAPL", "101", 1);

        // Then only the valid tick fired: the others were neither evaluated nor made it look stale
        assertThat(engine.firingTicks()).containsExactly(valid.eventId());
        // And each refused tick is on the dead-letter topic, as it arrived, with the reason
        List<TestRecord<String, byte[]>> dead = engine.deadTickRecords();
        assertThat(dead).hasSize(3);
        for (int i = 0; i < refused.size(); i++) {
            assertThat(new String(dead.get(i).value(), StandardCharsets.UTF_8))
                    .contains(refused.get(i).eventId().toString());
            assertThat(DeadLetterRecords.header(dead.get(i).headers(), DeadLetters.REASON_HEADER))
                    .startsWith("malformed record on stock-prices")
                    .contains(refused.get(i).eventId().toString())
                    .containsAnyOf("ahead of now", "older than now");
        }
    }
}
