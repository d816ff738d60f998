package org.stockalerts.persistence.ingest;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Writes one kind of event into its table; {@link BatchPersister} supplies the transaction. */
public interface TableWriter<T> {

    /** Why {@code event} can never be stored, or empty when it can. */
    Optional<String> refusal(T event);

    /** Readies the table for {@code events} (e.g. creates partitions) in transactions of its own. */
    default void prepare(List<T> events) {}

    /**
     * Inserts the events not stored yet, in the caller's transaction; events already stored (same
     * event or alert id) are left as they are.
     *
     * @return the number of rows inserted
     */
    int insertNew(List<T> events);

    /**
     * Inserts the events of {@code records} not stored yet, in the caller's transaction. A writer that
     * also stores where each event sits in its topic overrides this; by default it is {@link #insertNew}.
     *
     * @return the number of rows inserted
     */
    default int insertNewRecords(List<ConsumerRecord<String, T>> records) {
        return insertNew(records.stream().map(ConsumerRecord::value).toList());
    }
}
