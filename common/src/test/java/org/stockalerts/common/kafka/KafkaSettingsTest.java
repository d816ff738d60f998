package org.stockalerts.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.stockalerts.testsupport.SettingsBinding;

class KafkaSettingsTest {

    @Test
    void bindsTheDefaults() {
        KafkaSettings settings = SettingsBinding.bind(KafkaSettings.class);

        assertThat(settings.replicationFactor()).isEqualTo((short) 1);
        assertThat(settings.listenerRetries()).isEqualTo(2);
    }

    @Test
    void refusesAReplicationFactorBelowOneAndNegativeRetries() {
        assertThatThrownBy(() -> SettingsBinding.bind(KafkaSettings.class, "replication-factor", "0"))
                .isInstanceOf(BindException.class)
                .hasMessageContaining("stockalerts.kafka");
        assertThatThrownBy(() -> SettingsBinding.bind(KafkaSettings.class, "listener-retries", "-1"))
                .isInstanceOf(BindException.class);
    }

    @Test
    void theReplicationFactorExpressionReadsTheBoundSetting() {
        new ApplicationContextRunner()
                .withUserConfiguration(Bound.class)
                .withPropertyValues("stockalerts.kafka.replication-factor=3")
                .run(context -> {
                    ConfigurableListableBeanFactory beans = context.getBeanFactory();

                    Object resolved = beans.getBeanExpressionResolver()
                            .evaluate(
                                    KafkaSettings.REPLICATION_FACTOR_EXPRESSION,
                                    new BeanExpressionContext(beans, null));

                    assertThat(resolved).isEqualTo((short) 3);
                });
    }

    @EnableConfigurationProperties(KafkaSettings.class)
    static class Bound {}
}
