package org.stockalerts.alerting.delivery;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
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
 * @param attempts total attempts per delivery (the first one included) before it is dead-lettered
 * @param initialBackoff the wait before the first retry
 * @param backoffMultiplier how much each further wait grows
 * @param maxBackoff the longest wait between two attempts
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
 */
@Validated
@ConfigurationProperties("stockalerts.delivery")
public record DeliverySettings(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration requestTimeout,
        @DefaultValue("250ms") @DurationMin(nanos = 1) Duration firstAttemptTimeout,
        @DefaultValue("6") @Min(1) int attempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("4") @DecimalMin("1") double backoffMultiplier,
        @DefaultValue("10m") Duration maxBackoff,

        @DefaultValue("0.2") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
        double jitter,

        @DefaultValue("10m") Duration maxRetryAfter,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("alerts@stockalerts.local") String mailFrom,
        @DefaultValue("3") int breakerThreshold,
        @DefaultValue("30s") Duration breakerOpenFor,
        @DefaultValue("6") int partitions,
        @DefaultValue("6") int concurrency) {

    public DeliverySettings {
        allowedHosts = allowedHosts == null
                ? List.of()
                : allowedHosts.stream()
                        .map(host -> host.strip().toLowerCase(Locale.ROOT))
                        .filter(host -> !host.isEmpty())
                        .toList();
    }

    @AssertTrue(message = "must be at most request-timeout")
    boolean isFirstAttemptTimeoutWithinRequestTimeout() {
        return firstAttemptTimeout.compareTo(requestTimeout) <= 0;
    }
}
