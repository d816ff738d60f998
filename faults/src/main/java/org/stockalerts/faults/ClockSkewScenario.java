package org.stockalerts.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.stockalerts.faults.FaultSystem.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * C10: alert-consumer runs from its start with its clock 6 min ahead (libfaketime from Debian's
 * {@code faketime} package; monotonic time left alone), PostgreSQL and the rest on true time. The
 * receivers refuse a timestamp more than 5 min off their (true) clock, so the oracle's webhook counts
 * say whether signatures stayed verifiable. Before the load runs on, this checks the fault is real:
 * PostgreSQL's clock agrees with the harness's, and alert-consumer's {@code clock} health reports a skew
 * of about 6 min (its JVM sees the shifted time).
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class ClockSkewScenario {

    static final Duration AHEAD = Duration.ofMinutes(6);
    private static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");
    private static final Duration SKEW_SEEN_WITHIN = Duration.ofSeconds(10);
    private static final Duration DATABASE_AGREES_WITHIN = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Options options;

    /** The variables that start alert-consumer 6 min ahead for C10; none for other scenarios. */
    static Map<Service, Map<String, String>> environment(String scenario) {
        if (!scenario.equals("C10")) {
            return Map.of();
        }
        if (!Files.isReadable(LIBFAKETIME)) {
            throw new IllegalStateException("C10 needs " + LIBFAKETIME + ": apt-get install faketime");
        }
        return Map.of(
                Service.ALERTS,
                Map.of(
                        "LD_PRELOAD",
                        LIBFAKETIME.toString(),
                        "FAKETIME",
                        "+" + AHEAD.toMinutes() + "m",
                        "FAKETIME_DONT_FAKE_MONOTONIC",
                        "1",
                        // libfaketime 0.9.10 (Debian bookworm) otherwise shifts the deadlines of the JVM's
                        // monotonic timed waits too: every park returns at once, and the JVM spins (a
                        // first C10 run saw load 105 and API calls time out)
                        "FAKETIME_FORCE_MONOTONIC_FIX",
                        "0"));
    }

    /** Checks the skew is in place and reported, then lets the load run on for max-gap seconds. */
    List<KillScenario.Kill> run(LoadedRun run) throws Exception {
        FaultSystem system = run.system();
        Duration database = databaseAhead(system);
        if (database.abs().compareTo(DATABASE_AGREES_WITHIN) > 0) {
            throw new IllegalStateException("PostgreSQL's clock is " + database + " off the harness's: not a C10 run");
        }
        String actuator = system.process(Service.ALERTS).managementUrl();
        JsonNode clock = get(actuator + "/health").path("components").path("clock");
        Duration skew = Duration.parse(clock.path("details").path("skew").asString());
        double gauge = get(actuator + "/metrics/stockalerts.clock.skew")
                .path("measurements")
                .get(0)
                .path("value")
                .asDouble();
        System.out.printf(
                "C10: PostgreSQL %s off the harness; alert-consumer clock health %s, skew %s, gauge %.3f s%n",
                database, clock.path("status").asString(), skew, gauge);
        if (skew.minus(AHEAD).abs().compareTo(SKEW_SEEN_WITHIN) > 0) {
            throw new IllegalStateException(
                    "alert-consumer reports a skew of " + skew + ", not " + AHEAD + ": is libfaketime in effect?");
        }
        LockSupport.parkNanos(Duration.ofSeconds(options.maxGapSeconds()).toNanos());
        System.out.printf(
                "C10: after %d s under load, clock health %s%n",
                options.maxGapSeconds(),
                get(actuator + "/health")
                        .path("components")
                        .path("clock")
                        .path("status")
                        .asString());
        return List.of();
    }

    /** How far PostgreSQL's clock is ahead of this harness's, corrected by half the round trip. */
    private static Duration databaseAhead(FaultSystem system) throws Exception {
        try (Connection connection = system.database().connect();
                Statement statement = connection.createStatement()) {
            Instant sent = Instant.now();
            try (ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
                row.next();
                Instant reference =
                        row.getObject(1, java.time.OffsetDateTime.class).toInstant();
                Instant received = Instant.now();
                return Duration.between(
                        sent.plus(Duration.between(sent, received).dividedBy(2)), reference);
            }
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
