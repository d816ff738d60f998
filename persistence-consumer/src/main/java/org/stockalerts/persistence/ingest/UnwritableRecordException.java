package org.stockalerts.persistence.ingest;

/** A record that was read but can never be stored; it goes to the dead-letter topic with this message. */
public class UnwritableRecordException extends RuntimeException {

    public UnwritableRecordException(String reason) {
        super(reason);
    }
}
