package org.stockalerts.api.live;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

    /** Bean name of the post-processor that keeps the live listener from committing offsets. */
    static final String NEVER_COMMIT = "liveNeverCommit";

    /** The live reader always starts at the end: committed offsets would be of no use, and need a group. */
    @Bean(NEVER_COMMIT)
    ContainerPostProcessor<Object, Object, AbstractMessageListenerContainer<Object, Object>> liveNeverCommit() {
        return container -> container.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
    }
}
