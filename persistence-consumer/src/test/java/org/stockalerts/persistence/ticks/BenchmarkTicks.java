package org.stockalerts.persistence.ticks;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.EventJson;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.testsupport.TestDatabase;

/** The ticks of the persistence benchmark: made up, published as producers publish them, or as COPY text. */
final class BenchmarkTicks {

    private static final int SYMBOLS = 500;
    private static final String NULL = "\\N";

    private BenchmarkTicks() {}

    /** {@code count} ticks of 500 symbols in turn, a millisecond apart, each with every field. */
    static List<PriceTick> generate(int count) {
        Instant start = TestDatabase.now();
        List<Symbol> symbols = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            symbols.add(Symbol.of(String.format(Locale.ROOT, "S%04d", s)));
        }
        List<PriceTick> ticks = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            ticks.add(TickDraft.series(symbols.get(n % SYMBOLS), n, start));
        }
        return ticks;
    }

    /** Publishes {@code ticks} to stock-prices, keyed by symbol, as JSON; returns ticks per second. */
    static double produce(String brokers, List<PriceTick> ticks) {
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                262_144,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            for (PriceTick tick : ticks) {
                producer.send(new ProducerRecord<>(
                        Topics.STOCK_PRICES.name(), tick.symbol().value(), EventJson.write(tick)));
            }
            producer.flush();
        }
        return ticks.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** The ticks as rows of COPY's text format, in the column order of price_ticks, built as plainly as a client would. */
    static byte[] copyText(List<PriceTick> ticks) {
        StringBuilder text = new StringBuilder(ticks.size() * 160);
        for (PriceTick tick : ticks) {
            text.append(tick.eventId()).append('\t');
            text.append(tick.symbol().value()).append('\t');
            appendDecimal(text, tick.price());
            text.append(tick.volume() == null ? NULL : tick.volume().toString()).append('\t');
            appendDecimal(text, tick.dayOpen());
            appendDecimal(text, tick.dayHigh());
            appendDecimal(text, tick.dayLow());
            appendDecimal(text, tick.previousClose());
            text.append(tick.source().wireName()).append('\t');
            text.append(tick.observedAt()).append('\t');
            text.append(tick.occurredAt()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendDecimal(StringBuilder text, BigDecimal value) {
        text.append(value == null ? NULL : value.toPlainString()).append('\t');
    }
}
