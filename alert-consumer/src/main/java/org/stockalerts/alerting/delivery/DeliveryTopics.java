package org.stockalerts.alerting.delivery;

import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;

/**
 * The delivery service's internal topics, named after the topic they derive from. Retry topics are
 * {@code alerts-triggered.deliveries.retry-<n>}, the dead-letter topic
 * {@code alerts-triggered.deliveries.DLT}.
 */
public final class DeliveryTopics {

    /** One {@link DeliveryRequest} per alert and channel target. */
    public static final String REQUESTS = Topics.Names.DELIVERY_REQUESTS;

    /** Suffix of the retry topics of {@link #REQUESTS}. */
    public static final String RETRY_SUFFIX = ".retry";

    /** Where a delivery goes after its last attempt. */
    public static final String DEAD_LETTERS = REQUESTS + TopicSpec.DEAD_LETTER_SUFFIX;

    private DeliveryTopics() {}
}
