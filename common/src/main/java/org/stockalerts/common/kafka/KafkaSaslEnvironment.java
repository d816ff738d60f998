package org.stockalerts.common.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.stockalerts.common.ops.DerivedSettings;

/**
 * SASL for every Kafka client of a service (producers, consumers, the admin, Kafka Streams), only when
 * {@value #USERNAME} is set: {@code spring.kafka.security.protocol} ({@value #PROTOCOL}, default
 * {@code SASL_PLAINTEXT}), {@code sasl.mechanism} ({@value #MECHANISM}, default {@code SCRAM-SHA-512}) and
 * the JAAS login with {@value #USERNAME} and {@value #PASSWORD}. Without a username nothing changes
 * (PLAINTEXT, as the launcher's and the tests' brokers speak). The settings rank below the process
 * environment, so an explicit {@code SPRING_KAFKA_...} variable still wins; the password only ever
 * lives in the JAAS setting, which Kafka's configuration logs as {@code [hidden]}.
 */
public class KafkaSaslEnvironment implements EnvironmentPostProcessor {

    public static final String USERNAME = "STOCKALERTS_KAFKA_SASL_USERNAME";
    public static final String PASSWORD = "STOCKALERTS_KAFKA_SASL_PASSWORD";
    public static final String MECHANISM = "STOCKALERTS_KAFKA_SASL_MECHANISM";
    public static final String PROTOCOL = "STOCKALERTS_KAFKA_SECURITY_PROTOCOL";

    static final String SOURCE = "stockalerts-kafka-sasl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String username = environment.getProperty(USERNAME, "");
        if (username.isBlank()) {
            return;
        }
        String mechanism = environment.getProperty(MECHANISM, "SCRAM-SHA-512");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("spring.kafka.security.protocol", environment.getProperty(PROTOCOL, "SASL_PLAINTEXT"));
        settings.put("spring.kafka.properties[sasl.mechanism]", mechanism);
        settings.put(
                "spring.kafka.properties[sasl.jaas.config]",
                jaasConfig(mechanism, username, environment.getProperty(PASSWORD, "")));
        DerivedSettings.add(environment, new MapPropertySource(SOURCE, settings));
    }

    /** The {@code sasl.jaas.config} of a client that logs in as {@code username} with {@code mechanism}. */
    public static String jaasConfig(String mechanism, String username, String password) {
        String module = mechanism.startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
