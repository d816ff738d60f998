package org.stockalerts.persistence;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.stockalerts.common.config.StockAlertsCommonConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(StockAlertsCommonConfiguration.class)
public class PersistenceConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PersistenceConsumerApplication.class, args);
    }
}
