package org.stockalerts.api.seedimport;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar api-service.jar import-seed [options]}: the service's application started with
 * the {@value #PROFILE} profile (no web server, no market data, no Kafka listeners, no outbox relay,
 * no topic creation; Flyway still migrates the api schema), which runs one import and exits with
 * {@link ImportReport}'s status.
 */
public final class SeedImportCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "import-seed";

    /** The Spring profile of an import run ({@code application-seed-import.yml}). */
    static final String PROFILE = "seed-import";

    private SeedImportCommand() {}

    /** Whether {@code args} ask for an import rather than the service. */
    public static boolean requested(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the import {@code args} (after the command name) ask for; returns the exit status. */
    public static int run(Class<?> application, String[] args) {
        List<String> options = Arrays.asList(args).subList(1, args.length);
        if (options.contains("--help") || options.contains("-h")) {
            System.out.print(SeedImportOptions.USAGE);
            return ImportReport.EXIT_COMPLETE;
        }
        SeedImportOptions parsed;
        try {
            parsed = SeedImportOptions.parse(options, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("import-seed: " + e.getMessage());
            System.err.print(SeedImportOptions.USAGE);
            return ImportReport.EXIT_FAILED;
        }
        return run(application, parsed, System.out, System.err);
    }

    /**
     * Runs one import into the database the application is configured with; {@code springArguments}
     * ({@code --name=value}) override its settings as command-line properties do.
     */
    static int run(
            Class<?> application,
            SeedImportOptions options,
            PrintStream out,
            PrintStream err,
            String... springArguments) {
        SpringApplication spring = new SpringApplication(application);
        spring.setWebApplicationType(WebApplicationType.NONE);
        spring.setAdditionalProfiles(PROFILE);
        try (ConfigurableApplicationContext context = spring.run(springArguments)) {
            ImportReport report = context.getBean(SeedImporter.class).run(options, out);
            return report.exitCode();
        } catch (Exception e) {
            err.println("import-seed failed: " + message(e));
            return ImportReport.EXIT_FAILED;
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause.getMessage() + ")";
    }
}
