package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;

/**
 * TopologyTestDriver puts every record on partition 0, so a symbol whose partition is 0 arrives at
 * home and any other symbol arrives away from it.
 */
class TicksBySymbolTest {

    private static final String ROUTE = "test-ticks-by-symbol";
    private static final Symbol HOME = symbolOnPartition(true);
    private static final Symbol AWAY = symbolOnPartition(false);

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, PriceTick> in;
    private TestOutputTopic<String, PriceTick> out;

    @BeforeEach
    void open() {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, PriceTick> ticks = builder.stream(
                Topics.STOCK_PRICES.name(), Consumed.with(Serdes.String(), EventSerdes.of(Topics.STOCK_PRICES)));
        TicksBySymbol.route(ticks, ROUTE, meters, Duration.ZERO)
                .to("routed", Produced.with(Serdes.String(), EventSerdes.of(Topics.STOCK_PRICES)));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "ticks-by-symbol-test");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        driver = new TopologyTestDriver(builder.build(), properties);
        in = driver.createInputTopic(
                Topics.STOCK_PRICES.name(),
                new StringSerializer(),
                EventSerdes.of(Topics.STOCK_PRICES).serializer());
        out = driver.createOutputTopic(
                "routed",
                new StringDeserializer(),
                EventSerdes.of(Topics.STOCK_PRICES).deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Property
    void aSymbolsPartitionIsTheOneJavasDefaultPartitionerGivesItsKey(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 15) String raw) {
        Symbol symbol = Symbol.of(raw);
        byte[] key = symbol.value().getBytes(StandardCharsets.UTF_8);
        for (int partitions : List.of(1, 6, 7, 12)) {
            assertThat(TicksBySymbol.partitionOf(symbol, partitions))
                    .isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
        }
    }

    @Test
    void aTickKeyedBySymbolOnItsPartitionPassesUntouched() {
        // When a tick arrives on its symbol's partition keyed by its symbol
        PriceTick tick = tick(HOME);
        in.pipeInput(HOME.value(), tick);

        // Then it comes out as it was, and neither counter moved
        assertThat(out.readKeyValuesToList()).containsExactly(KeyValue.pair(HOME.value(), tick));
        assertThat(count(TicksBySymbol.REROUTED_METRIC)).isZero();
        assertThat(count(TicksBySymbol.REKEYED_METRIC)).isZero();
    }

    @Test
    void aTickOnItsPartitionWithAnotherKeyOrNoneIsKeyedBySymbolWithoutLeavingItsTask() {
        // When ticks arrive on their symbol's partition with a foreign key and with none
        PriceTick foreign = tick(HOME);
        PriceTick keyless = tick(HOME);
        in.pipeInput("feed-7", foreign);
        in.pipeInput((String) null, keyless);

        // Then both come out keyed by their symbol, counted as re-keyed, not re-routed
        assertThat(out.readKeyValuesToList())
                .containsExactly(KeyValue.pair(HOME.value(), foreign), KeyValue.pair(HOME.value(), keyless));
        assertThat(count(TicksBySymbol.REKEYED_METRIC)).isEqualTo(2);
        assertThat(count(TicksBySymbol.REROUTED_METRIC)).isZero();
    }

    @Test
    void aTickOnAnotherPartitionIsReroutedOnceKeyedBySymbolWhateverItsKey() {
        // When ticks of a symbol of another partition arrive keyed by it, by something else and by nothing
        List<PriceTick> ticks = List.of(tick(AWAY), tick(AWAY), tick(AWAY));
        in.pipeInput(AWAY.value(), ticks.get(0));
        in.pipeInput("feed-7", ticks.get(1));
        in.pipeInput((String) null, ticks.get(2));

        // Then each comes out once, in order, keyed by its symbol, counted as re-routed
        assertThat(out.readKeyValuesToList())
                .containsExactly(
                        KeyValue.pair(AWAY.value(), ticks.get(0)),
                        KeyValue.pair(AWAY.value(), ticks.get(1)),
                        KeyValue.pair(AWAY.value(), ticks.get(2)));
        assertThat(count(TicksBySymbol.REROUTED_METRIC)).isEqualTo(3);
        assertThat(count(TicksBySymbol.REKEYED_METRIC)).isZero();
    }

    @Test
    void aTombstoneIsRefusedAsAMalformedRecord() {
        // When a record without a value arrives, Then it is refused with the tombstone reason (the
        // services' deserialization handler dead-letters it) and nothing comes out
        assertThatThrownBy(() -> in.pipeInput(HOME.value(), null))
                .rootCause()
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(Tombstones.REASON);
        assertThat(out.isEmpty()).isTrue();
    }

    private double count(String metric) {
        return meters.get(metric).tag("route", ROUTE).counter().count();
    }

    private static PriceTick tick(Symbol symbol) {
        Instant at = Instant.parse("2026-01-05T15:00:00Z");
        return PriceTick.of(UUID.randomUUID(), at, symbol, new BigDecimal("101.5"), TickSource.SIMULATED, at);
    }

    /** The first of A, B, C, … whose partition is (or is not) partition 0. */
    private static Symbol symbolOnPartition(boolean zero) {
        return IntStream.rangeClosed('A', 'Z')
                .mapToObj(c -> Symbol.of(String.valueOf((char) c)))
                .filter(symbol -> (TicksBySymbol.partitionOf(symbol, Topics.STOCK_PRICES.partitions()) == 0) == zero)
                .findFirst()
                .orElseThrow();
    }
}
