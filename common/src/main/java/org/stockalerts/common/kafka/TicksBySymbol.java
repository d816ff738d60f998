package org.stockalerts.common.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;

/**
 * Brings every tick of {@code stock-prices} to the stream task that owns its symbol, whatever
 * partition and key its producer gave it, for a topology that keeps per-symbol state.
 *
 * <p>A symbol's partition is the one Java's default partitioner gives the symbol as key (murmur2 of
 * its UTF-8 bytes, see {@link #partitionOf}) among {@link Topics#STOCK_PRICES}' partitions, so
 * other inputs keyed by symbol by a Java client (rules re-keyed by symbol, analytics) meet it in the
 * same task. The symbol is read from the tick, never from the key. A tick already on its symbol's
 * partition stays in its task and only gets the symbol as key if it had another key or none
 * (counted in {@value #REKEYED_METRIC}); any other tick is sent once through the repartition topic
 * {@code <application.id>-<name>-repartition}, keyed by symbol, to the symbol's partition (counted
 * in {@value #REROUTED_METRIC}). It keeps its exactly-once guarantee (the write and the input's
 * offset commit together) and its place among the ticks of its symbol that came from the same input
 * partition; ticks of one symbol that arrive on several partitions reach the symbol's task in no
 * defined order, as they would from several partitions anyway. A fresh re-routed tick asks for a
 * commit at once ({@link CommitExpediter}), so the detour does not cost a commit interval.
 */
public final class TicksBySymbol {

    /** Counter of ticks that arrived on another partition than their symbol's and were re-routed. */
    public static final String REROUTED_METRIC = "stockalerts.ticks.rerouted";

    /** Counter of ticks on their symbol's partition whose key was not the symbol (or absent). */
    public static final String REKEYED_METRIC = "stockalerts.ticks.rekeyed";

    private TicksBySymbol() {}

    /** The partition Java's default partitioner gives {@code symbol} as a String key among {@code partitions}. */
    public static int partitionOf(Symbol symbol, int partitions) {
        return TopicSpec.partitionOf(symbol.value(), partitions);
    }

    /**
     * {@code ticks}, read from {@link Topics#STOCK_PRICES}, each in the task of its symbol and keyed
     * by it.
     *
     * @param name names the processors, the repartition topic and the {@code route} tag of the metrics
     * @param expediteWithin a re-routed tick at most this much older than the wall clock asks for a
     *     commit right after the current batch; zero never does
     */
    public static KStream<String, PriceTick> route(
            KStream<String, PriceTick> ticks, String name, MeterRegistry meters, Duration expediteWithin) {
        Counter rerouted = counter(meters, REROUTED_METRIC, name, "Ticks re-routed to their symbol's partition");
        Counter rekeyed = counter(meters, REKEYED_METRIC, name, "Ticks on their symbol's partition re-keyed by it");
        int partitions = Topics.STOCK_PRICES.partitions();
        Map<String, KStream<String, Placed>> placed = ticks.process(
                        () -> new Placer(partitions, rerouted, rekeyed, new CommitExpediter(expediteWithin)),
                        Named.as(name + "-placer"))
                .split(Named.as(name + "-"))
                .branch((symbol, tick) -> tick.home(), Branched.as("home"))
                .defaultBranch(Branched.as("away"));
        StreamPartitioner<String, PriceTick> bySymbol =
                (topic, symbol, tick, count) -> Optional.of(Set.of(partitionOf(tick.symbol(), count)));
        KStream<String, PriceTick> arrived = placed.get(name + "-away")
                .mapValues(Placed::tick, Named.as(name + "-away-ticks"))
                .repartition(Repartitioned.with(Serdes.String(), EventSerdes.of(Topics.STOCK_PRICES))
                        .withName(name)
                        .withNumberOfPartitions(partitions)
                        .withStreamPartitioner(bySymbol));
        return placed.get(name + "-home")
                .mapValues(Placed::tick, Named.as(name + "-home-ticks"))
                .merge(arrived, Named.as(name + "-ticks"));
    }

    private static Counter counter(MeterRegistry meters, String metric, String route, String description) {
        return Counter.builder(metric)
                .description(description)
                .tag("route", route)
                .register(meters);
    }

    /** A tick and whether it arrived on its symbol's partition. */
    private record Placed(PriceTick tick, boolean home) {}

    private static final class Placer implements Processor<String, PriceTick, String, Placed> {

        private final int partitions;
        private final Counter rerouted;
        private final Counter rekeyed;
        private final CommitExpediter expediter;
        private ProcessorContext<String, Placed> context;

        Placer(int partitions, Counter rerouted, Counter rekeyed, CommitExpediter expediter) {
            this.partitions = partitions;
            this.rerouted = rerouted;
            this.rekeyed = rekeyed;
            this.expediter = expediter;
        }

        @Override
        public void init(ProcessorContext<String, Placed> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, PriceTick> record) {
            PriceTick tick = record.value();
            if (tick == null) {
                // a tombstone: stock-prices is not compacted, so it deletes nothing and carries no tick
                return;
            }
            String symbol = tick.symbol().value();
            int arrivedOn =
                    context.recordMetadata().map(RecordMetadata::partition).orElse(-1);
            boolean home = arrivedOn == partitionOf(tick.symbol(), partitions);
            if (!home) {
                rerouted.increment();
            } else if (!symbol.equals(record.key())) {
                rekeyed.increment();
            }
            context.forward(record.withKey(symbol).withValue(new Placed(tick, home)));
            if (!home) {
                expediter.outputForwarded(context, record);
            }
        }
    }
}
