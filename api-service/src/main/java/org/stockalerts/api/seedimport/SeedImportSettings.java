package org.stockalerts.api.seedimport;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The seed import ({@code stockalerts.seed-import.*}).
 *
 * @param tickRetentionDays days of price history the port keeps: persistence-consumer drops older
 *     days, so older seed prices are left out (the seed-import profile reads persistence-consumer's
 *     {@code STOCKALERTS_PERSISTENCE_TICK_RETENTION_DAYS})
 * @param batchSize history rows written per statement batch
 */
@Validated
@ConfigurationProperties("stockalerts.seed-import")
public record SeedImportSettings(
        @DefaultValue("30") @Min(1) int tickRetentionDays,
        @DefaultValue("500") @Min(1) int batchSize) {}
