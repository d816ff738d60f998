package org.stockalerts.common.kafka.redrive;

import java.util.Set;
import org.stockalerts.common.kafka.Topics;

/** A redrive was asked for a topic that is not one of the system's dead-letter topics. */
public class NotADeadLetterTopicException extends RuntimeException {

    public NotADeadLetterTopicException(String topic) {
        super("'" + topic + "' is not a dead-letter topic of this system (one of " + known() + ")");
    }

    private static String known() {
        Set<String> topics = Topics.deadLetterTopics();
        return String.join(", ", topics);
    }
}
