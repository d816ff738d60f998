package org.stockalerts.alerting.delivery;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of alert delivery ({@code stockalerts.delivery.*}, e.g. the environment variable
 * {@code STOCKALERTS_DELIVERY_REQUEST_TIMEOUT}).
 *
 * @param connectTimeout how long a webhook connection may take to open
 * @param requestTimeout how long a webhook receiver may take to answer a retry
 * @param firstAttemptTimeout how long a webhook receiver may take to answer the first attempt, made
 *     from the main delivery topic, where the targets behind it wait for it (at most
 *     {@code requestTimeout}); a slower answer is retried with {@code requestTimeout}
 * @param schedule the nominal wait before each retry, in order: its length is the number of retries (the
 *     default follows Standard Webhooks' example, extended by 10 h waits to about three days)
 * @param kafkaRetries how many of the first retries wait on the Kafka retry topics (short waits, lost
 *     by nobody); the later ones wait in {@code alerting.delivery_retries}, so they survive restarts
 * @param retryPollInterval how often each instance looks for retries due in the database
 * @param retryBatchSize how many due retries one poll claims at most
 * @param retryConcurrency how many of a claimed batch's retries one instance sends at once
 * @param retryLease how long a claimed retry is hidden from other instances: an instance that dies
 *     while sending leaves it due again after this (longer than {@code requestTimeout})
 * @param disableAfter how long a webhook target may fail without one success before it is disabled
 * @param disableAfterPermanentFailures how many final errors (404 of a deleted chat webhook, 403 of a blocked bot, …)
 *     without a success disable a target
 * @param jitter the random share (0 to 1) by which each wait is spread around its nominal value
 * @param maxRetryAfter the longest receiver-requested wait (Retry-After) that is honoured
 * @param allowedHosts hosts that may be called even though they resolve to a private, loopback or
 *     link-local address (e.g. an internal receiver, or {@code 127.0.0.1} in tests)
 * @param mailFrom the sender address of alert e-mails
 * @param breakerThreshold failed calls in a row after which a webhook target's circuit opens (a
 *     failed call that took {@code firstAttemptTimeout} or longer opens it at once)
 * @param breakerOpenFor how long an open circuit makes no calls to its target
 * @param partitions partitions of the delivery topic and its retry topics
 * @param concurrency consumers per delivery topic in one instance
 * @param linkBaseUrl the API's address as users reach it: chat messages link to the rule there ({@code
 *     <linkBaseUrl>/alerts/<ruleId>}); empty for no link
 * @param telegramApiUrl where the Telegram Bot API answers (Telegram's own; a local fake in tests)
 * @param feedNoticeRetention how long the users' feed notices (a symbol's market data blind, or back) are kept:
 *     older ones are deleted as new ones are recorded, and a feed-status event older than this tells nobody
 */
@Validated
@ConfigurationProperties("stockalerts.delivery")
public record DeliverySettings(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("250ms") @DurationMin(nanos = 1) Duration firstAttemptTimeout,

        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h", "10h", "10h", "10h", "10h"}) @NotEmpty
        List<@NotNull @DurationMin(nanos = 1) Duration> schedule,

        @DefaultValue("2") @Min(1) int kafkaRetries,
        @DefaultValue("5s") @DurationMin(millis = 10) Duration retryPollInterval,
        @DefaultValue("20") @Min(1) int retryBatchSize,
        @DefaultValue("4") @Min(1) int retryConcurrency,
        @DefaultValue("1m") @DurationMin(nanos = 1) Duration retryLease,
        @DefaultValue("5d") @DurationMin(nanos = 1) Duration disableAfter,
        @DefaultValue("3") @Min(1) int disableAfterPermanentFailures,

        @DefaultValue("0.2") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
        double jitter,

        @DefaultValue("10m") Duration maxRetryAfter,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("alerts@stockalerts.local") String mailFrom,
        @DefaultValue("3") int breakerThreshold,
        @DefaultValue("30s") Duration breakerOpenFor,
        @DefaultValue("6") int partitions,
        @DefaultValue("6") int concurrency,
        @DefaultValue("http://localhost:8080") String linkBaseUrl,
        @DefaultValue("https://api.telegram.org") @NotEmpty String telegramApiUrl,
        @DefaultValue("30d") @DurationMin(hours = 1) Duration feedNoticeRetention) {

    public DeliverySettings {
        allowedHosts = allowedHosts == null
                ? List.of()
                : allowedHosts.stream()
                        .map(host -> host.strip().toLowerCase(Locale.ROOT))
                        .filter(host -> !host.isEmpty())
                        .toList();
    }

    @AssertTrue(message = "kafka-retries must be at most the number of waits in schedule")
    boolean isKafkaRetriesWithinSchedule() {
        return schedule == null || kafkaRetries <= schedule.size();
    }

    @AssertTrue(message = "retry-lease must be longer than request-timeout")
    boolean isRetryLeaseLongerThanRequestTimeout() {
        return retryLease.compareTo(requestTimeout) > 0;
    }

    @AssertTrue(message = "must be at most request-timeout")
    boolean isFirstAttemptTimeoutWithinRequestTimeout() {
        return firstAttemptTimeout.compareTo(requestTimeout) <= 0;
    }
}
