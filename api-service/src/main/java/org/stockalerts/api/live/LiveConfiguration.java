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
}
