package org.stockalerts.alerting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.stockalerts.common.config.StockAlertsCommonConfiguration;
import org.stockalerts.common.kafka.StockAlertsStreamsConfiguration;
import org.stockalerts.common.secrets.StockAlertsSecretsConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({
    StockAlertsCommonConfiguration.class,
    StockAlertsStreamsConfiguration.class,
    StockAlertsSecretsConfiguration.class
})
public class AlertConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AlertConsumerApplication.class, args);
    }
}
