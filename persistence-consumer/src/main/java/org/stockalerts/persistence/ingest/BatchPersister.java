package org.stockalerts.persistence.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.common.kafka.MalformedEventException;
import org.stockalerts.common.kafka.Tombstones;

/**
 * Stores one listener batch in one database transaction. Records that cannot be read, or that the
 * table can never hold, go to the dead-letter topic with the reason; the others are stored. When
 * the database refuses the batch for its data, each record is retried alone to find the culprit.
 * Any other failure (the database unreachable) is thrown, so the container retries the whole
 * batch with backoff; the writes are idempotent, so a retried or redelivered batch changes nothing.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BatchPersister {

    private static final Logger log = LoggerFactory.getLogger(BatchPersister.class);
    private static final LogAccessor SPRING_LOG = new LogAccessor(LogFactory.getLog(BatchPersister.class));

    private final TransactionTemplate transactions;
    private final DeadLetterSink deadLetters;

    /** Stores {@code records} with {@code writer}; returns when they are committed or dead-lettered. */
    public <T> void persist(List<ConsumerRecord<String, T>> records, TableWriter<T> writer) {
        List<ConsumerRecord<String, T>> accepted = new ArrayList<>(records.size());
        List<RejectedRecord> rejected = new ArrayList<>();
        for (ConsumerRecord<String, T> record : records) {
            refusal(record, writer)
                    .ifPresentOrElse(
                            cause -> rejected.add(new RejectedRecord(record, cause)), () -> accepted.add(record));
        }
        int inserted;
        try {
            inserted = insert(writer, accepted);
        } catch (RuntimeException e) {
            if (!SqlErrors.isBadData(e)) {
                throw e;
            }
            inserted = insertOneByOne(writer, accepted, rejected);
        }
        deadLetters.send(rejected);
        log.atDebug()
                .addKeyValue(
                        "topic", records.isEmpty() ? "" : records.getFirst().topic())
                .addKeyValue("records", records.size())
                .addKeyValue("inserted", inserted)
                .addKeyValue("deadLettered", rejected.size())
                .log("batch of {} stored: {} inserted, {} dead-lettered", records.size(), inserted, rejected.size());
    }

    private <T> Optional<Exception> refusal(ConsumerRecord<String, T> record, TableWriter<T> writer) {
        DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, SPRING_LOG);
        if (unreadable != null) {
            return Optional.of(unreadable);
        }
        if (record.value() == null) {
            return Optional.of(new MalformedEventException(record.topic(), Tombstones.REASON, null));
        }
        return writer.refusal(record.value()).map(UnwritableRecordException::new);
    }

    private <T> int insert(TableWriter<T> writer, List<ConsumerRecord<String, T>> records) {
        if (records.isEmpty()) {
            return 0;
        }
        writer.prepare(records.stream().map(ConsumerRecord::value).toList());
        Integer inserted = transactions.execute(status -> writer.insertNewRecords(records));
        return inserted == null ? 0 : inserted;
    }

    private <T> int insertOneByOne(
            TableWriter<T> writer, List<ConsumerRecord<String, T>> records, List<RejectedRecord> rejected) {
        int inserted = 0;
        for (ConsumerRecord<String, T> record : records) {
            try {
                inserted += insert(writer, List.of(record));
            } catch (RuntimeException e) {
                if (!SqlErrors.isBadData(e)) {
                    throw e;
                }
                rejected.add(new RejectedRecord(
                        record, new UnwritableRecordException("refused by the database: " + SqlErrors.message(e))));
            }
        }
        return inserted;
    }
}
