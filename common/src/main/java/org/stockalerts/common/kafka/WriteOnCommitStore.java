package org.stockalerts.common.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

/**
 * A key-value store for a processor that writes a key on nearly every record: it keeps the values
 * put into it as objects and writes each key's last value to the store it wraps (so serializes it
 * and sends it to the changelog) only when Kafka Streams commits. A key put on every record of a
 * commit costs a map entry per record and one serialization per commit.
 *
 * <p>The hook is the cache flush: before a task's transaction is committed Streams flushes the
 * caches of its stores, then its producer ({@code StreamTask#prepareCommit}). So what reaches the
 * changelog in a transaction is exactly each key's value after the last record of that transaction,
 * and a task that stops without committing (a crash, a fenced producer, a dirty close) drops the
 * pending values with the transaction: its state is restored from the changelog as of the last
 * commit, as for any store. A clean close, a rebalance's included, commits first.
 *
 * <p>Reads by the processor see the pending values: {@link #get} looks them up; {@link #all()},
 * ranges and the other scans write them first. A value mutated in place after it was put is written
 * as it is at the commit, so put it again after each change. The pending values are the stream
 * thread's own: an interactive query (any other thread) reads the wrapped store, as of the last commit.
 */
public final class WriteOnCommitStore<K, V> extends WrappedStateStore<KeyValueStore<K, V>, K, V>
        implements KeyValueStore<K, V> {

    /** Key to its last value put since the last commit; {@code null} for a delete. */
    private final Map<K, V> pending = new HashMap<>();

    /** The stream thread that owns {@link #pending}: the one that initialised the store. */
    private volatile Thread owner;

    private WriteOnCommitStore(KeyValueStore<K, V> wrapped) {
        super(wrapped);
    }

    /** {@code builder}'s store with its writes held until the commit. */
    public static <K, V> StoreBuilder<KeyValueStore<K, V>> builder(StoreBuilder<KeyValueStore<K, V>> builder) {
        return new Builder<>(builder);
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        owner = Thread.currentThread();
        pending.clear();
        super.init(context, root);
    }

    @Override
    public void put(K key, V value) {
        pending.put(key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V existing = get(key);
        if (existing == null) {
            put(key, value);
        }
        return existing;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(entry -> put(entry.key, entry.value));
    }

    @Override
    public V delete(K key) {
        V existing = get(key);
        pending.put(key, null);
        return existing;
    }

    @Override
    public V get(K key) {
        if (!owned()) {
            return wrapped().get(key);
        }
        return pending.containsKey(key) ? pending.get(key) : wrapped().get(key);
    }

    /** Before a scan by the processor: its pending values first (another thread's scan sees the last commit). */
    private void writePendingForOwner() {
        if (owned()) {
            writePending();
        }
    }

    /** Whether the caller is the stream thread that owns the pending values (else it reads as of the last commit). */
    private boolean owned() {
        return Thread.currentThread() == owner;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        writePendingForOwner();
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        writePendingForOwner();
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        writePendingForOwner();
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        writePendingForOwner();
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        writePendingForOwner();
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        writePendingForOwner();
        return wrapped().approximateNumEntries();
    }

    /** Called by Streams before it commits the task's transaction. */
    @Override
    public void flushCache() {
        writePending();
        super.flushCache();
    }

    @Override
    public void flush() {
        writePending();
        super.flush();
    }

    /** Called when the task's state is recycled: what was not committed is not kept. */
    @Override
    public void clearCache() {
        pending.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        pending.clear();
        super.close();
    }

    private void writePending() {
        if (pending.isEmpty()) {
            return;
        }
        pending.forEach((key, value) -> {
            if (value == null) {
                wrapped().delete(key);
            } else {
                wrapped().put(key, value);
            }
        });
        pending.clear();
    }

    private record Builder<K, V>(StoreBuilder<KeyValueStore<K, V>> builder)
            implements StoreBuilder<KeyValueStore<K, V>> {

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingEnabled() {
            return new Builder<>(builder.withCachingEnabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withCachingDisabled() {
            return new Builder<>(builder.withCachingDisabled());
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingEnabled(Map<String, String> config) {
            return new Builder<>(builder.withLoggingEnabled(config));
        }

        @Override
        public StoreBuilder<KeyValueStore<K, V>> withLoggingDisabled() {
            return new Builder<>(builder.withLoggingDisabled());
        }

        @Override
        public KeyValueStore<K, V> build() {
            return new WriteOnCommitStore<>(builder.build());
        }

        @Override
        public Map<String, String> logConfig() {
            return builder.logConfig();
        }

        @Override
        public boolean loggingEnabled() {
            return builder.loggingEnabled();
        }

        @Override
        public String name() {
            return builder.name();
        }
    }
}
