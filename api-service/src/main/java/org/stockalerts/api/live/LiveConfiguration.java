package org.stockalerts.api.live;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /** Bean name of the post-processor that keeps the live listener from committing offsets. */
    static final String NEVER_COMMIT = "liveNeverCommit";

    /** As {@link #NEVER_COMMIT}, for the ticks' listener, which is not observed either: a trace per tick is too many. */
    static final String NEVER_COMMIT_UNTRACED = "liveNeverCommitUntraced";

    /**
     * The live reader always starts at the end: committed offsets would be of no use, and need a group.
     * A record it cannot read is skipped and counted ({@link LivePoison}).
     */
    @Bean(NEVER_COMMIT)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> liveNeverCommit(
            MeterRegistry meters) {
        return container -> {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
            container.setCommonErrorHandler(LivePoison.skipping(meters));
        };
    }

    @Bean(NEVER_COMMIT_UNTRACED)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> liveNeverCommitUntraced(
            MeterRegistry meters) {
        ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> neverCommit =
                liveNeverCommit(meters);
        return container -> {
            neverCommit.postProcess(container);
            container.getContainerProperties().setObservationEnabled(false);
        };
    }
}
