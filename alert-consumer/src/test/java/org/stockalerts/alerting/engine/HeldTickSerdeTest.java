package org.stockalerts.alerting.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.fixtures.EventSamples;
import org.stockalerts.common.kafka.EventSerdes;

/** A waiting tick survives its changelog: what a restarted task restores is what it held. */
class HeldTickSerdeTest {

    @Test
    void aHeldTickRoundTripsThroughItsStoresSerde() {
        Serde<HeldTick> serde = EventSerdes.of(HeldTick.class);
        HeldTick held = new HeldTick(EventSamples.tick(), Instant.parse("2026-11-25T15:30:01.250Z"));

        byte[] bytes = serde.serializer().serialize(SymbolEngineProcessor.HELD_STORE, held);
        HeldTick restored = serde.deserializer().deserialize(SymbolEngineProcessor.HELD_STORE, bytes);

        assertThat(restored).isEqualTo(held);
        assertThat(restored.tick().dayHigh()).isEqualTo(held.tick().dayHigh());
    }
}
