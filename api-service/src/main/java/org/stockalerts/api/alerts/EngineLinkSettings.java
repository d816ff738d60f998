package org.stockalerts.api.alerts;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where api-service asks the alert engine (alert-consumer) to explain a rule ({@code stockalerts.api.engine.*}, e.g.
 * the environment variable {@code STOCKALERTS_API_ENGINE_URL}; its default follows {@code ALERT_CONSUMER_PORT}, see
 * {@code application.yml}).
 *
 * @param url alert-consumer's HTTP address (any instance: one that does not hold the rule forwards the question)
 * @param timeout how long a question may take, connection included
 */
@Validated
@ConfigurationProperties("stockalerts.api.engine")
public record EngineLinkSettings(
        @DefaultValue("http://127.0.0.1:8081") @NotNull URI url,

        @DefaultValue("3s") @NotNull @DurationMin(millis = 1)
        Duration timeout) {}
