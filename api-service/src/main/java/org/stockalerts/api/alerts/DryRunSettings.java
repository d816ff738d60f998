package org.stockalerts.api.alerts;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of a dry run ({@code POST /alerts/dry-run}, {@code stockalerts.api.dry-run.*}, e.g. the environment
 * variable {@code STOCKALERTS_API_DRY_RUN_MAX_TICKS}): a request over them is refused with a 422 before any tick is
 * replayed.
 *
 * @param maxRange the longest {@code from}–{@code to} range one dry run may replay
 * @param maxTicks the most stored ticks one dry run may replay
 */
@Validated
@ConfigurationProperties("stockalerts.api.dry-run")
public record DryRunSettings(
        @DefaultValue("31d") @DurationMin(minutes = 1) Duration maxRange,
        @DefaultValue("200000") @Min(1) int maxTicks) {}
