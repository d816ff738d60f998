package org.stockalerts.common.secrets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link SecretBox} of a service that stores or uses webhook secrets. Start-up fails without a
 * key; it logs the id of the current key (never the key), and warns when it is the public
 * development key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsSettings.class)
public class StockAlertsSecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StockAlertsSecretsConfiguration.class);

    @Bean
    SecretBox secretBox(SecretsSettings settings) {
        SecretBox box = settings.box();
        if (settings.developmentKey()) {
            log.atWarn()
                    .addKeyValue("keyId", box.currentKeyId())
                    .log(
                            "secrets are encrypted with the PUBLIC development key: set STOCKALERTS_SECRETS_KEY"
                                    + " (openssl rand -base64 32) before real use; docs/operations.md says how to rotate to it");
        } else {
            log.atInfo().addKeyValue("keyId", box.currentKeyId()).log("secrets key loaded");
        }
        return box;
    }
}
