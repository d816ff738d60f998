package org.stockalerts.common.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.kafka.KafkaHealthIndicator;
import org.stockalerts.common.kafka.KafkaHealthSettings;
import org.stockalerts.common.kafka.StockAlertsKafkaConfiguration;
import org.stockalerts.common.kafka.TickTimeBound;
import org.stockalerts.common.kafka.TickTimeSettings;
import org.stockalerts.common.ops.ReadyLine;

/**
 * What every service imports: the Kafka plumbing, the Kafka health check, the line logged when ready, the UTC clock, the tick
 * time bound and the event id generator. Logic that tests must control takes the {@link Clock} bean, never the system
 * clock directly.
 */
@Configuration(proxyBeanMethods = false)
@Import({StockAlertsKafkaConfiguration.class, KafkaHealthIndicator.class, ReadyLine.class})
@EnableConfigurationProperties({KafkaHealthSettings.class, TickTimeSettings.class})
public class StockAlertsCommonConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The window a tick's observedAt must fall in, on the service's clock: consumers and publishers refuse the rest. */
    @Bean
    @ConditionalOnMissingBean
    TickTimeBound tickTimeBound(Clock clock, TickTimeSettings settings) {
        return new TickTimeBound(clock, settings);
    }

    @Bean
    @ConditionalOnMissingBean
    EventIds eventIds(Clock clock) {
        return new EventIds(clock);
    }
}
