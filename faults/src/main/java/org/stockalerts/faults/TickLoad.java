package org.stockalerts.faults;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.e2e.Ticks;

/**
 * The tick generator of the tick-to-client benchmark: the symbols tick in turn at a set rate, every
 * tenth tick at 101 (crossing its symbol's CROSSES_UP 100 rule), the others at 99 (re-arming it).
 * Every tick the broker ACKNOWLEDGED is recorded, in acknowledgement order (per partition, the
 * order of the log); a tick whose send failed is only counted, since it may or may not be stored.
 */
final class TickLoad implements AutoCloseable {

    static final BigDecimal BELOW = new BigDecimal("99.00");
    static final BigDecimal ABOVE = new BigDecimal("101.00");
    private static final int FIRING_EVERY = 10;

    private final KafkaProducer<String, Object> producer;
    private final List<Symbol> symbols;
    private final List<PriceTick> acknowledged = new ArrayList<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread generator;
    private long sequence;

    TickLoad(String bootstrapServers, List<Symbol> symbols) {
        this.producer = Ticks.producer(bootstrapServers);
        this.symbols = List.copyOf(symbols);
    }

    /** Sends one tick of {@code symbol} at {@code price}; returns it (it is recorded once acknowledged). */
    PriceTick send(Symbol symbol, BigDecimal price) {
        Instant now = Instant.now();
        PriceTick tick = PriceTick.of(UUID.randomUUID(), now, symbol, price, TickSource.REPLAY, now);
        producer.send(new ProducerRecord<>(Topics.STOCK_PRICES.name(), symbol.value(), tick), (metadata, error) -> {
            if (error == null) {
                synchronized (acknowledged) {
                    acknowledged.add(tick);
                }
            } else {
                failed.incrementAndGet();
            }
        });
        return tick;
    }

    /** Starts producing at {@code perSecond} ticks a second, on a thread of its own, until {@link #stop}. */
    void start(int perSecond) {
        running.set(true);
        generator = Thread.ofPlatform().name("tick-load").start(() -> {
            long start = System.nanoTime();
            for (long n = 0; running.get(); n++) {
                long wait = start + n * 1_000_000_000L / perSecond - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long i = sequence++;
                send(symbols.get((int) (i % symbols.size())), i % FIRING_EVERY == 0 ? ABOVE : BELOW);
            }
        });
    }

    /** Stops the generator and waits for every send to be acknowledged or to fail. */
    void stop() throws InterruptedException {
        running.set(false);
        if (generator != null) {
            generator.join();
        }
        producer.flush();
    }

    /** The acknowledged ticks so far, in acknowledgement order. */
    List<PriceTick> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        producer.close();
    }
}
