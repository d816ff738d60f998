package org.stockalerts.api;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.stockalerts.api.seedimport.SeedImportCommand;
import org.stockalerts.common.config.StockAlertsCommonConfiguration;
import org.stockalerts.common.database.DatabaseBootstrap;
import org.stockalerts.common.kafka.redrive.RedriveCommand;
import org.stockalerts.common.ops.CommandLogging;
import org.stockalerts.common.secrets.StockAlertsSecretsConfiguration;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import({StockAlertsCommonConfiguration.class, StockAlertsSecretsConfiguration.class})
public class ApiServiceApplication {

    public static void main(String[] args) {
        if (DatabaseBootstrap.requested(args)) {
            CommandLogging.quiet();
            System.exit(DatabaseBootstrap.run(System.getenv(), System.out, System.err));
        }
        if (RedriveCommand.requested(args)) {
            CommandLogging.quiet();
            System.exit(RedriveCommand.run(args, System.getenv(), Clock.systemUTC(), System.out, System.err));
        }
        if (SeedImportCommand.requested(args)) {
            System.exit(SeedImportCommand.run(ApiServiceApplication.class, args));
        }
        SpringApplication.run(ApiServiceApplication.class, args);
    }
}
