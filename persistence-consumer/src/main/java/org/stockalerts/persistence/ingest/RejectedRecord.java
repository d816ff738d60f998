package org.stockalerts.persistence.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A record refused by the persistence consumer and why. */
record RejectedRecord(ConsumerRecord<?, ?> record, Exception cause) {}
