package org.stockalerts.alerting.engine;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the alert engine ({@code stockalerts.engine.*}, e.g. the environment variable
 * {@code STOCKALERTS_ENGINE_SIGNAL_INTERVAL}). Commit interval, cache size and state directory are
 * Kafka Streams settings under {@code spring.kafka.streams.*}, see {@code application.yml}.
 *
 * @param signalInterval the bar interval whose SMA5/SMA20 signal the signal rules watch
 */
@ConfigurationProperties("stockalerts.engine")
public record EngineSettings(@DefaultValue("PT1M") Duration signalInterval) {

    public EngineSettings {
        if (signalInterval == null || signalInterval.isNegative() || signalInterval.isZero()) {
            throw new IllegalArgumentException("stockalerts.engine.signal-interval must be positive");
        }
    }
}
