package org.stockalerts.api.outbox;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The errors after which sending the same record again can never succeed: the record is larger
 * than the producer's {@code max.request.size} or the topic's {@code max.message.bytes}, cannot be
 * serialized, or names an invalid topic. Every other error (an unreachable broker, a timeout, a
 * leader election) is worth retrying.
 */
final class Unpublishable {

    private static final List<Class<? extends Exception>> NEVER_PUBLISHABLE = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            SerializationException.class,
            InvalidTopicException.class);

    private Unpublishable() {}

    /** The error in {@code failure}'s cause chain that makes its record unpublishable, if any. */
    static Optional<Throwable> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Exception> type : NEVER_PUBLISHABLE) {
                if (type.isInstance(cause)) {
                    return Optional.of(cause);
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
