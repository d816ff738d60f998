package org.stockalerts.e2e;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.JsonEventSerializer;
import org.stockalerts.common.kafka.StockAlertsKafkaConfiguration;
import org.stockalerts.testsupport.TestKafka;

/** Price ticks as a feed publishes them on stock-prices, and a producer for them. Public for module faults. */
public final class Ticks {

    private Ticks() {}

    static PriceTick of(String symbol, String price, Instant observedAt) {
        return PriceTick.of(
                UUID.randomUUID(),
                Instant.now(),
                Symbol.of(symbol),
                new BigDecimal(price),
                TickSource.REPLAY,
                observedAt);
    }

    /** A producer of events to the test broker, with the services' producer guarantees. */
    static KafkaProducer<String, Object> producer() {
        return producer(TestKafka.bootstrapServers());
    }

    /** A producer of events to {@code bootstrapServers}, with the services' producer guarantees. */
    public static KafkaProducer<String, Object> producer(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(StockAlertsKafkaConfiguration.PRODUCER_GUARANTEES);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return new KafkaProducer<>(config, new StringSerializer(), new JsonEventSerializer<>());
    }
}
