package org.stockalerts.alerting.engine;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.stockalerts.common.kafka.CommitExpediter;

/**
 * Settings of the alert engine ({@code stockalerts.engine.*}, e.g. the environment variable
 * {@code STOCKALERTS_ENGINE_SIGNAL_INTERVAL}). Commit interval, cache size and state directory are
 * Kafka Streams settings under {@code spring.kafka.streams.*}, see {@code application.yml}.
 *
 * @param signalInterval the bar interval whose SMA5/SMA20 signal the signal rules watch
 * @param expediteCommitWithin an alert or a routed rule change caused by an input record younger
 *     than this (wall clock now minus the record's timestamp, i.e. the engine is keeping up with its
 *     inputs) asks Kafka Streams to commit right after the current batch instead of at the next
 *     commit interval, so a read_committed reader sees it within milliseconds (see
 *     {@link CommitExpediter}); older inputs (a backlog, a replay, a
 *     restart catching up) wait for the interval, so catching up is not slowed by a transaction
 *     per batch. Zero turns expediting off.
 * @param catchUpWait how long the ticks of a symbol the market-data poller reported blind wait, once data returns,
 *     for the poller's report that it resumed (whose catch-up prices come before them); the poller writes that report
 *     before the ticks, so it is normally read within milliseconds. Past the wait the ticks are evaluated without it
 *     (a report written by another poller leader that never sends one, a poller that stopped)
 */
@Validated
@ConfigurationProperties("stockalerts.engine")
public record EngineSettings(
        @DefaultValue("PT1M") @NotNull @DurationMin(nanos = 1)
        Duration signalInterval,

        @DefaultValue("PT0.25S") @NotNull @DurationMin Duration expediteCommitWithin,

        @DefaultValue("PT5S") @NotNull @DurationMin(millis = 1)
        Duration catchUpWait) {}
