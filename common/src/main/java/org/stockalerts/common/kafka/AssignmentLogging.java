package org.stockalerts.common.kafka;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Gives every listener container made by a container factory of the service (Spring Boot's, a service's own, and
 * through them the retry topics') an {@link AssignmentLog}, so each rebalance is one line. No factory of this system
 * sets a container customizer of its own, which this one would replace.
 */
final class AssignmentLogging implements BeanPostProcessor {

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // the customizer is the same for every key, value and container type
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractKafkaListenerContainerFactory factory) {
            factory.setContainerCustomizer(
                    container -> logAssignments((AbstractMessageListenerContainer<?, ?>) container));
        }
        return bean;
    }

    private static void logAssignments(AbstractMessageListenerContainer<?, ?> container) {
        ContainerProperties properties = container.getContainerProperties();
        if (!(properties.getConsumerRebalanceListener() instanceof AssignmentLog)) {
            properties.setConsumerRebalanceListener(
                    new AssignmentLog(container.getGroupId(), properties.getConsumerRebalanceListener()));
        }
    }
}
