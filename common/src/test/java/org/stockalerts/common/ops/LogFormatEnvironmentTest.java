package org.stockalerts.common.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.stockalerts.common.config.ProcessEnvironment;

/** LOG_FORMAT as the logging system will read it: Spring Boot's structured console format, or none for text. */
class LogFormatEnvironmentTest {

    @Test
    void jsonMeansElasticCommonSchema() {
        assertThat(formatWith(Map.of("LOG_FORMAT", "json"))).isEqualTo("ecs");
        assertThat(formatWith(Map.of("LOG_FORMAT", " JSON "))).isEqualTo("ecs");
    }

    @Test
    void takesSpringBootsOtherStructuredFormatsByName() {
        assertThat(formatWith(Map.of("LOG_FORMAT", "ecs"))).isEqualTo("ecs");
        assertThat(formatWith(Map.of("LOG_FORMAT", "logstash"))).isEqualTo("logstash");
        assertThat(formatWith(Map.of("LOG_FORMAT", "gelf"))).isEqualTo("gelf");
    }

    @Test
    void textOrNothingKeepsTheReadableLines() {
        assertThat(formatWith(Map.of())).isNull();
        assertThat(formatWith(Map.of("LOG_FORMAT", "text"))).isNull();
        assertThat(formatWith(Map.of("LOG_FORMAT", ""))).isNull();
    }

    @Test
    void anExplicitSpringBootSettingWins() {
        assertThat(formatWith(Map.of("LOG_FORMAT", "json", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash")))
                .isEqualTo("logstash");
    }

    @Test
    void refusesAnUnknownFormatNamingTheOnesItTakes() {
        assertThatThrownBy(() -> formatWith(Map.of("LOG_FORMAT", "xml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LOG_FORMAT=xml")
                .hasMessageContaining("text (the default), json (ECS), ecs, logstash or gelf");
    }

    private static String formatWith(Map<String, String> variables) {
        StandardEnvironment environment = ProcessEnvironment.of(variables);
        new LogFormatEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(LogFormatEnvironment.PROPERTY);
    }
}
