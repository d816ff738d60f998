package org.stockalerts.api.seedimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.ApiServiceApplication;
import org.stockalerts.testsupport.GoSeedDatabase;
import org.stockalerts.testsupport.ServiceSchemas;
import org.stockalerts.testsupport.TestDatabase;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code import-seed} from a database shaped as the Go version leaves it (goseed/schema.sql and its
 * sample rows, good and bad) into a fresh port database, run as the command runs (the application
 * in its seed-import profile), twice; the API then serves the imported users with their new keys.
 */
@SpringBootTest(properties = {"stockalerts.marketdata.enabled=false", "stockalerts.api.outbox.enabled=false"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// a context of its own (its own database): closed after the class, so its connection pool does not stay open
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SeedImportTest {

    private static final TestDatabase.Endpoint SEED = GoSeedDatabase.withSampleRows();
    private static final TestDatabase.Endpoint PORT = portDatabase();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    static Path folder;

    private Path keysFile;
    private String seedBefore;
    private Run first;

    /** One run of the command: its exit status and what it printed. */
    private record Run(int exitCode, String out) {}

    /** The port's own database, with persistence-consumer's tables made by its own migrations. */
    private static TestDatabase.Endpoint portDatabase() {
        TestDatabase.Endpoint port = TestDatabase.another("port");
        ServiceSchemas.migrate(port, "persistence");
        return port;
    }

    @DynamicPropertySource
    static void portDatabaseAndBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PORT::jdbcUrl);
        registry.add("spring.datasource.username", PORT::username);
        registry.add("spring.datasource.password", PORT::password);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    }

    @BeforeAll
    void importTheSeedOnce() throws SQLException {
        keysFile = folder.resolve("keys.tsv");
        seedBefore = seedContents();
        first = importSeed();
    }

    @Test
    void importsEveryGoodRowAndNamesEachBadOneWithItsTable() {
        assertThat(first.exitCode()).isEqualTo(ImportReport.EXIT_SKIPPED);
        assertThat(first.out())
                .contains("skipped users#3: e-mail address already registered")
                .contains("skipped portfolios#3: its user users#3 was not imported")
                .contains("skipped stocks#5: invalid symbol 'BAD SYM!'")
                .contains("skipped stocks#6: ")
                .contains("skipped stocks#7: its portfolio portfolios#3 was not imported")
                .contains("skipped alerts#4: price -3 is not positive")
                .contains("skipped alerts#5: its user users#3 was not imported")
                .contains("skipped stock_prices#4: price -1 is not positive");
        assertThat(summary(first))
                .containsExactly(
                        "users 2 0 1 0",
                        "portfolios 2 0 1 0",
                        "stocks 4 0 3 0",
                        "alerts 3 0 2 0",
                        "stock_prices 3 0 1 1",
                        "stock_analytics 0 0 0 1");
        assertThat(jdbc.queryForList(
                        "SELECT seed_table || '#' || seed_id FROM api.seed_imports ORDER BY 1", String.class))
                .containsExactly(
                        "portfolios#1",
                        "portfolios#2",
                        "stocks#1",
                        "stocks#2",
                        "stocks#3",
                        "stocks#4",
                        "users#1",
                        "users#2");
    }

    @Test
    void writesOneLineWithTheNewKeyPerUserToAnOwnerOnlyFileAndNeverToTheOutput() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keysFile)))
                .isEqualTo("rw-------");
        List<String[]> lines = Files.readAllLines(keysFile).stream()
                .map(line -> line.split("\t"))
                .toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)[0]).isEqualTo("1");
        assertThat(UUID.fromString(lines.get(0)[1])).isEqualTo(newId("users", 1));
        assertThat(lines.get(0)[2]).isEqualTo("ada@example.com");
        assertThat(lines.get(1)[0]).isEqualTo("2");
        assertThat(lines.get(1)[2]).isEqualTo("grace@example.com");
        for (String[] line : lines) {
            assertThat(first.out()).doesNotContain(line[3]);
        }
    }

    @Test
    void theNewKeyOpensTheUsersPortfolioWithTheirStockEntriesAndTheirAlertHistory() throws Exception {
        // Given Ada's new id and key from the keys file
        String[] ada = Files.readAllLines(keysFile).get(0).split("\t");
        String portfolioUri = "/users/" + ada[1] + "/portfolio";

        // Then her portfolio answers with her key, and holds AAPL and MSFT as watch entries
        MvcTestResult portfolio = get(ada[3], portfolioUri);
        assertThat(portfolio).hasStatus(200);
        JsonNode holdings =
                JSON.readTree(portfolio.getResponse().getContentAsString()).get("holdings");
        assertThat(holdings.findValuesAsString("symbol")).containsExactlyInAnyOrder("AAPL", "MSFT");

        // And her two AAPL thresholds are two price-at-or-above rules, plus MSFT's
        assertThat(jdbc.queryForList(
                        "SELECT symbol || ' ' || trim_scale(threshold) FROM api.alert_rules WHERE user_id = ?"
                                + " AND condition = 'PRICE_ABOVE' ORDER BY 1",
                        String.class,
                        UUID.fromString(ada[1])))
                .containsExactly("AAPL 150", "AAPL 180.5", "MSFT 300");

        // And her alert history lists the two alerts of the Go version, each on the threshold it passed
        // (written as the engine writes its messages, with the rule's threshold as stored)
        MvcTestResult alerts = get(ada[3], "/users/" + ada[1] + "/alerts");
        assertThat(alerts).hasStatus(200);
        assertThat(JSON.readTree(alerts.getResponse().getContentAsString())
                        .get("items")
                        .findValuesAsString("message"))
                .containsExactlyInAnyOrder(
                        "AAPL is at or above 180.50000000 (now 181)", "AAPL is at or above 150.00000000 (now 155.25)");

        // And Grace's key does not open Ada's portfolio
        String graceKey = Files.readAllLines(keysFile).get(1).split("\t")[3];
        assertThat(get(graceKey, portfolioUri).getResponse().getStatus()).isIn(403, 404);
    }

    @Test
    void putsEveryImportedChangeInTheOutboxForTheRunningServiceToPublish() {
        UUID ada = newId("users", 1);
        assertThat(jdbc.queryForList(
                        "SELECT event_type FROM api.outbox WHERE message_key = ? ORDER BY id",
                        String.class,
                        ada.toString()))
                .startsWith("UserRegistered")
                .contains("PortfolioChanged");
        List<UUID> rules = jdbc.queryForList("SELECT id FROM api.alert_rules WHERE user_id = ?", UUID.class, ada);
        assertThat(rules).hasSize(3);
        for (UUID rule : rules) {
            assertThat(jdbc.queryForObject(
                            "SELECT count(*) FROM api.outbox WHERE message_key = ? AND event_type = 'AlertRuleChanged'"
                                    + " AND published_at IS NULL",
                            Integer.class,
                            rule.toString()))
                    .isPositive();
        }
    }

    @Test
    void storesThePricesTheRetentionKeepsAsAlphaVantageTicks() {
        assertThat(jdbc.queryForList(
                        "SELECT symbol || ' ' || trim_scale(price) || ' ' || source FROM persistence.price_ticks ORDER BY 1",
                        String.class))
                .containsExactly("AAPL 155.25 alphavantage", "MSFT 310.75 alphavantage", "TSLA 210.5 alphavantage");
    }

    @Test
    void aSecondRunImportsNothingTwiceAndTheSeedIsOnlyRead() throws Exception {
        // Given what the first run left
        List<String> keys = Files.readAllLines(keysFile);
        String portBefore = portCounts();

        // When the import runs again
        Run second = importSeed();

        // Then it imports nothing, still reports the bad rows, and issues no key
        assertThat(second.exitCode()).isEqualTo(ImportReport.EXIT_SKIPPED);
        assertThat(summary(second))
                .containsExactly(
                        "users 0 2 1 0",
                        "portfolios 0 2 1 0",
                        "stocks 0 4 3 0",
                        "alerts 0 3 2 0",
                        "stock_prices 0 3 1 1",
                        "stock_analytics 0 0 0 1");
        assertThat(Files.readAllLines(keysFile)).isEqualTo(keys);
        assertThat(portCounts()).isEqualTo(portBefore);

        // And the seed database is exactly as it was before both runs
        assertThat(seedContents()).isEqualTo(seedBefore);
    }

    private Run importSeed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SeedImportOptions options = new SeedImportOptions(SEED.jdbcUrl(), SEED.username(), SEED.password(), keysFile);
        int exitCode = SeedImportCommand.run(
                ApiServiceApplication.class,
                options,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                "--spring.datasource.url=" + PORT.jdbcUrl(),
                "--spring.datasource.username=" + PORT.username(),
                "--spring.datasource.password=" + PORT.password());
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8));
    }

    /** The summary's rows, one per table, as "table imported already skipped left-out". */
    private static List<String> summary(Run run) {
        List<String> rows = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            String[] cells = line.trim().split("\\s+");
            if (cells.length == 5 && cells[1].matches("\\d+")) {
                rows.add(String.join(" ", cells));
            }
        }
        return rows;
    }

    private UUID newId(String table, long seedId) {
        return jdbc.queryForObject(
                "SELECT new_id FROM api.seed_imports WHERE seed_table = ? AND seed_id = ?", UUID.class, table, seedId);
    }

    private MvcTestResult get(String apiKey, String uri) {
        return mvc.get()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .exchange();
    }

    private String portCounts() {
        return jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM api.users) || ' ' || (SELECT count(*) FROM api.holdings) || ' '"
                        + " || (SELECT count(*) FROM api.alert_rules) || ' ' || (SELECT count(*) FROM api.outbox) || ' '"
                        + " || (SELECT count(*) FROM persistence.alerts) || ' ' || (SELECT count(*) FROM persistence.price_ticks)",
                String.class);
    }

    /** Every row of every seed table, and its sequences, as text. */
    private static String seedContents() throws SQLException {
        StringBuilder contents = new StringBuilder();
        try (Connection seed = SEED.connect();
                Statement sql = seed.createStatement()) {
            for (String table : List.of("users", "portfolios", "stocks", "alerts", "stock_prices", "stock_analytics")) {
                try (ResultSet rows = sql.executeQuery("SELECT t::text, (SELECT last_value FROM " + table
                        + "_id_seq) FROM " + table + " t ORDER BY t.id")) {
                    while (rows.next()) {
                        contents.append(rows.getString(1))
                                .append(' ')
                                .append(rows.getLong(2))
                                .append('\n');
                    }
                }
            }
        }
        return contents.toString();
    }
}
