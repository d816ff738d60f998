package org.stockalerts.common.kafka;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record could not be read as the event its topic carries. The message names the topic, the
 * partition and offset when known, and the reason, e.g.
 * {@code malformed record on stock-prices partition 3 offset 17: missing required field 'price'}.
 */
public class MalformedEventException extends SerializationException {

    /** Marks a partition or offset that the reader did not know. */
    public static final long UNKNOWN = -1;

    private final String topic;
    private final int partition;
    private final long offset;
    private final String reason;

    public MalformedEventException(String topic, String reason, Throwable cause) {
        this(topic, (int) UNKNOWN, UNKNOWN, reason, cause);
    }

    public MalformedEventException(String topic, int partition, long offset, String reason, Throwable cause) {
        super(describe(topic, partition, offset, reason), cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.reason = reason;
    }

    /** The same failure, placed at a partition and offset. */
    public MalformedEventException at(int partition, long offset) {
        return new MalformedEventException(topic, partition, offset, reason, getCause());
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** Why the record was refused, without the location. */
    public String reason() {
        return reason;
    }

    private static String describe(String topic, int partition, long offset, String reason) {
        StringBuilder text = new StringBuilder("malformed record on ").append(topic);
        if (partition != UNKNOWN) {
            text.append(" partition ").append(partition);
        }
        if (offset != UNKNOWN) {
            text.append(" offset ").append(offset);
        }
        return text.append(": ").append(reason).toString();
    }
}
