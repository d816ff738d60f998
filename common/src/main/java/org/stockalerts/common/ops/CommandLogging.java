package org.stockalerts.common.ops;

/** Logging of the jar's one-shot commands (bootstrap-db, redrive) that run without Spring Boot. */
public final class CommandLogging {

    /** Logback's configuration for such a run: warnings and errors only, on stderr. */
    static final String CONFIGURATION = "stockalerts-command-logback.xml";

    private CommandLogging() {}

    /**
     * For a {@code main} about to run a command, before anything logs: without Spring Boot, logback's default
     * would print every Kafka client DEBUG line and every Flyway INFO line.
     */
    public static void quiet() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", CONFIGURATION);
        }
    }
}
