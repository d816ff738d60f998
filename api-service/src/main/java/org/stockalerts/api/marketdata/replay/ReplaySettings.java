package org.stockalerts.api.marketdata.replay;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the replay provider ({@code stockalerts.marketdata.replay.*}).
 *
 * @param file the CSV file to replay ({@code symbol,timestamp,price,volume}); a Spring resource
 *     location such as {@code file:/data/ticks.csv}
 * @param speed how many times faster than recorded the file plays (1 is real time)
 * @param loop whether to start over after the last row
 */
@Validated
@ConfigurationProperties("stockalerts.marketdata.replay")
public record ReplaySettings(
        @DefaultValue("classpath:marketdata/sample-ticks.csv")
        Resource file,

        @DefaultValue("1") @Positive double speed,
        @DefaultValue("true") boolean loop) {}
