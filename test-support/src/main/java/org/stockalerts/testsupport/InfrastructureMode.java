package org.stockalerts.testsupport;

import java.util.Locale;
import org.testcontainers.DockerClientFactory;

/**
 * How integration tests get their PostgreSQL and Kafka: containers where a Docker engine answers,
 * otherwise the local PostgreSQL server and an in-process KRaft broker. {@code STOCKALERTS_TEST_INFRA}
 * ({@code containers} or {@code local}) forces one.
 */
enum InfrastructureMode {
    CONTAINERS,
    LOCAL;

    static InfrastructureMode detect() {
        String forced = System.getenv("STOCKALERTS_TEST_INFRA");
        if (forced != null && !forced.isBlank()) {
            return valueOf(forced.strip().toUpperCase(Locale.ROOT));
        }
        return dockerAnswers() ? CONTAINERS : LOCAL;
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
