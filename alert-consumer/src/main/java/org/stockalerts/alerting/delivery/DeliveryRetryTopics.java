package org.stockalerts.alerting.delivery;

import java.math.BigInteger;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
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
import org.springframework.util.backoff.FixedBackOff;
import org.stockalerts.alerting.clock.HostClock;

/**
 * Retry-topic customisation: when a delivery moves to a retry topic, its due time is set per record
 * by {@link RetrySchedule} (jittered exponential backoff, never before the receiver's Retry-After)
 * instead of the retry topic's fixed delay. Only delivery records are touched. A database outage is
 * waited out in place ({@link #configureBlockingRetries}).
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
public class DeliveryRetryTopics extends RetryTopicConfigurationSupport {

    private final RetrySchedule schedule;
    /**
     * The host's own clock, not the checked one: spring-kafka compares the due time in the back-off header
     * with the system clock, so it must be written on that clock too.
     */
    private final HostClock hostClock;

    private final DatabaseOutageRetries outageRetries;

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
        return configurer -> configurer.setErrorHandlerCustomizer(handler -> {
            handler.setSeekAfterError(false);
            outageRetries.customize(handler);
        });
    }

    /**
     * A delivery that failed because the database is unreachable is retried in place, as long as
     * {@link DatabaseOutageRetries} says, instead of using up an attempt; any other failure of these
     * types is not retried in place (no backoff), so it moves on to the next retry topic as before.
     */
    @Override
    @SuppressWarnings("unchecked")
    protected void configureBlockingRetries(BlockingRetriesConfigurer blockingRetries) {
        blockingRetries
                .retryOn(DatabaseOutage.CANDIDATE_TYPES.toArray(Class[]::new))
                .backOff(new FixedBackOff(0, 0));
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
        long due = hostClock.clock().millis() + delay.toMillis();
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
