package org.stockalerts.alerting.engine;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the engine's rule explanations ({@code stockalerts.engine.explain.*}, e.g. the environment variable
 * {@code STOCKALERTS_ENGINE_EXPLAIN_FEED_STALE_AFTER}); the address other instances reach this one at is Kafka
 * Streams' {@code application.server} ({@code STOCKALERTS_ENGINE_ADVERTISED_ADDRESS}, {@code application.yml}).
 *
 * @param feedStaleAfter a symbol without a tick for longer than this while the regular session is open is reported
 *     {@code FEED_STALE}
 * @param forwardTimeout how long an instance waits for the instance that holds a rule to explain it
 */
@Validated
@ConfigurationProperties("stockalerts.engine.explain")
public record ExplainSettings(
        @DefaultValue("5m") @NotNull @DurationMin(seconds = 1)
        Duration feedStaleAfter,

        @DefaultValue("2s") @NotNull @DurationMin(millis = 1)
        Duration forwardTimeout) {}
