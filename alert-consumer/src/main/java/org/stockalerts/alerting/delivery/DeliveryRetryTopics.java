package org.stockalerts.alerting.delivery;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.SingleRecordHeader;
import org.springframework.kafka.retrytopic.DeadLetterPublishingRecovererFactory;
import org.springframework.kafka.retrytopic.ListenerContainerFactoryConfigurer;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.retrytopic.RetryTopicHeaders;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Retry-topic customisation: when a delivery moves to a retry topic, its due time is set per record
 * by {@link RetrySchedule} (jittered exponential backoff, never before the receiver's Retry-After)
 * instead of the retry topic's fixed delay. Only delivery records are touched.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryRetryTopics extends RetryTopicConfigurationSupport {

    private final RetrySchedule schedule;
    private final Clock clock;

    public DeliveryRetryTopics(RetrySchedule schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
    }

    /** The retry topics' own scheduler, so the application needs no general-purpose TaskScheduler. */
    @Bean
    RetryTopicSchedulerWrapper deliveryRetryScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("delivery-retry-");
        scheduler.initialize();
        return new RetryTopicSchedulerWrapper(scheduler);
    }

    /**
     * After a failed record has been forwarded to its retry topic, the rest of the poll is handed
     * on as it is instead of being fetched again: a target that fails fast (open circuit) costs the
     * targets behind it one produce, not a seek and a fetch.
     */
    @Override
    protected Consumer<ListenerContainerFactoryConfigurer> configureListenerContainerFactoryConfigurer() {
        return configurer -> configurer.setErrorHandlerCustomizer(handler -> handler.setSeekAfterError(false));
    }

    @Override
    protected Consumer<DeadLetterPublishingRecovererFactory> configureDeadLetterPublishingContainerFactory() {
        return factory -> factory.setHeadersFunction(this::dueTime);
    }

    private Headers dueTime(ConsumerRecord<?, ?> record, Exception exception) {
        Headers headers = new RecordHeaders();
        if (!record.topic().startsWith(DeliveryTopics.REQUESTS)) {
            return headers;
        }
        Header attempts = record.headers().lastHeader(RetryTopicHeaders.DEFAULT_HEADER_ATTEMPTS);
        int attempt = DeliveryListener.attemptNumber(attempts == null ? null : attempts.value());
        Duration delay = schedule.delayAfter(
                attempt, retryAfter(exception), ThreadLocalRandom.current().nextDouble());
        long due = clock.millis() + delay.toMillis();
        headers.add(new SingleRecordHeader(
                RetryTopicHeaders.DEFAULT_HEADER_BACKOFF_TIMESTAMP,
                BigInteger.valueOf(due).toByteArray()));
        return headers;
    }

    private static Duration retryAfter(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DeliveryFailedException failed) {
                return failed.retryAfter();
            }
        }
        return null;
    }
}
