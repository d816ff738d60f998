package org.stockalerts.common.kafka;

/**
 * Records without a value. On a compacted topic ({@code alert-rules}) a tombstone deletes its key;
 * on every other topic of ours nothing writes one, so it is a malformed record and is dead-lettered
 * with {@value #REASON} like any other. The Java consumer hands a null value to the listener
 * without asking the deserializer, so listeners check with {@link #refuse}; Kafka Streams asks the
 * deserializer, which answers with {@link #read}.
 */
public final class Tombstones {

    /** The reason a refused tombstone is dead-lettered with. */
    public static final String REASON = "tombstone (null value) on a topic that is not compacted";

    private Tombstones() {}

    /** Whether a null value on {@code topic} is a record to dead-letter: a topic of ours, not compacted. */
    public static boolean refused(String topic) {
        return Topics.byName(topic).filter(spec -> !spec.compacted()).isPresent();
    }

    /**
     * The value a tombstone on {@code topic} reads as: null where tombstones are allowed.
     *
     * @throws MalformedEventException where they are not
     */
    public static <T> T read(String topic) {
        refuse(topic);
        return null;
    }

    /**
     * Refuses a null value on {@code topic} when tombstones are not allowed there.
     *
     * @throws MalformedEventException with {@link #REASON}
     */
    public static void refuse(String topic) {
        if (refused(topic)) {
            throw new MalformedEventException(topic, REASON, null);
        }
    }
}
