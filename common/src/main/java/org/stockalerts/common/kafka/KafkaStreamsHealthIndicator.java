package org.stockalerts.common.kafka;

import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of a service's Kafka Streams client, told by its state listener: UP while it is
 * {@code RUNNING} or {@code REBALANCING}, DOWN in every other state (not started yet, shutting down,
 * stopped, or in {@code ERROR} after its stream threads died past {@link BoundedThreadReplacement}'s
 * budget), so a dead client never hides behind a healthy cluster and database. The details carry the
 * state and how many stream threads were replaced. Being the client's one state listener, it also
 * logs every transition.
 */
@RequiredArgsConstructor
public class KafkaStreamsHealthIndicator implements HealthIndicator, KafkaStreams.StateListener {

    private static final Logger log = LoggerFactory.getLogger(KafkaStreamsHealthIndicator.class);
    private static final Set<State> PROCESSING = Set.of(State.RUNNING, State.REBALANCING);

    private final BoundedThreadReplacement replacement;
    private volatile State state = State.CREATED;

    @Override
    public void onChange(State newState, State oldState) {
        state = newState;
        if (newState == State.ERROR || newState == State.PENDING_ERROR) {
            log.atError()
                    .addKeyValue("state", newState)
                    .addKeyValue("previousState", oldState)
                    .log("Kafka Streams client stopped processing after an error");
        } else {
            log.atInfo()
                    .addKeyValue("state", newState)
                    .addKeyValue("previousState", oldState)
                    .log("Kafka Streams client changed state");
        }
    }

    @Override
    public Health health() {
        State current = state;
        Health.Builder health = PROCESSING.contains(current) ? Health.up() : Health.down();
        return health.withDetail("state", current.name())
                .withDetail("replacedThreads", replacement.replacedThreads())
                .build();
    }
}
