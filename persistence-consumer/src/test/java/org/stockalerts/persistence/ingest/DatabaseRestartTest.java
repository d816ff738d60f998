package org.stockalerts.persistence.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.fixtures.TickDraft;
import org.stockalerts.common.kafka.Topics;
import org.stockalerts.persistence.KafkaTestClient;
import org.stockalerts.persistence.PersistenceIntegrationTest;
import org.stockalerts.testsupport.TestDatabase;

/**
 * Stops the PostgreSQL server under the running consumer and starts it again. The server is shared
 * with everything else on the machine, so the test runs only when {@value #ENABLE} is {@code true}
 * (CI runs the modules one after another), and only against a local Debian-style cluster it can
 * stop with {@code pg_ctlcluster}: the one {@code TEST_DATABASE_URL} points at (default the local
 * server), so a private cluster on another port keeps the others undisturbed.
 */
@PersistenceIntegrationTest
class DatabaseRestartTest {

    static final String ENABLE = "STOCKALERTS_DB_RESTART_TEST";

    /** The config file of a Debian-style cluster: /etc/postgresql/<version>/<name>/postgresql.conf. */
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("/etc/postgresql/(\\d+)/([^/]+)/postgresql\\.conf");

    private static final int SYMBOLS = 12;
    private static final int TICKS_PER_PHASE = 3_000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry registry;

    @Test
    void storesEveryTickExactlyOnceWhenPostgresStopsAndRestartsMidStream() throws Exception {
        assumeTrue(
                "true".equalsIgnoreCase(System.getenv(ENABLE)),
                "stops and restarts the shared PostgreSQL server: runs only with " + ENABLE + "=true");
        Matcher cluster = LOCAL_CLUSTER.matcher(jdbc.queryForObject("SHOW config_file", String.class));
        assumeTrue(
                cluster.matches() && Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")),
                "needs the test database on a local PostgreSQL cluster that pg_ctlcluster can stop and start");
        String version = cluster.group(1);
        String name = cluster.group(2);
        String prefix = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
        Set<UUID> sent = new HashSet<>();
        try (KafkaTestClient kafka = new KafkaTestClient()) {
            // Given a stream of ticks being stored
            sendPhase(kafka, prefix, 0, sent);
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(prefix) > 0);

            // When PostgreSQL stops mid-stream, ticks keep arriving and the consumer fails its batches
            double failuresBefore = failures();
            try {
                pgCtlCluster(version, name, "stop", "-m", "fast");
                sendPhase(kafka, prefix, 1, sent);
                await().atMost(Duration.ofSeconds(60)).until(() -> failures() > failuresBefore);
            } finally {
                // And it starts again while more ticks arrive
                pgCtlCluster(version, name, "start");
            }
            sendPhase(kafka, prefix, 2, sent);
        }

        // Then every tick sent is stored exactly once
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> stored(prefix) == sent.size());
        List<UUID> ids =
                jdbc.queryForList("SELECT event_id FROM price_ticks WHERE symbol LIKE ?", UUID.class, prefix + "%");
        assertThat(ids).hasSize(3 * TICKS_PER_PHASE).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(sent);
    }

    private static void sendPhase(KafkaTestClient kafka, String prefix, int phase, Set<UUID> sent) {
        Instant start = TestDatabase.now();
        List<PriceTick> ticks = new ArrayList<>();
        for (int n = 0; n < TICKS_PER_PHASE; n++) {
            ticks.add(TickDraft.series(Symbol.of(prefix + (n % SYMBOLS)), phase * TICKS_PER_PHASE + n, start));
        }
        ticks.forEach(tick -> {
            kafka.send(Topics.STOCK_PRICES, tick.symbol().value(), tick);
            sent.add(tick.eventId());
        });
        kafka.flush();
    }

    private int stored(String prefix) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM price_ticks WHERE symbol LIKE ?", Integer.class, prefix + "%");
        return count == null ? 0 : count;
    }

    private double failures() {
        return registry.find(BatchFailures.METRIC).tag("topic", Topics.STOCK_PRICES.name()).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static void pgCtlCluster(String version, String name, String... action)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, name));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("%s finished", command)
                .isTrue();
        assertThat(process.exitValue()).as("exit status of %s", command).isZero();
    }
}
