package org.stockalerts.benchmarks;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.Condition;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.TickSource;

/**
 * The seed's approach as the baseline: for every tick, load the symbol's rules from PostgreSQL and
 * write one alert row per match (price above / below, crosses against the previous price), each tick
 * in its own transaction. Uses a throw-away schema on {@code BENCH_DATABASE_URL} (default the local
 * server), dropped at the end.
 */
final class SeedBaseline {

    private SeedBaseline() {}

    static void run(BenchmarkWorkload workload, int ticks, double engineRate) throws Exception {
        String url = System.getenv().getOrDefault("BENCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String schema = "seed_baseline_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection db =
                DriverManager.getConnection(url, System.getenv().getOrDefault("BENCH_DATABASE_USER", "postgres"), "")) {
            try (Statement sql = db.createStatement()) {
                sql.execute("CREATE SCHEMA " + schema);
                sql.execute("SET search_path TO " + schema);
                sql.execute(
                        "CREATE TABLE alert_rules (rule_id uuid PRIMARY KEY, user_id uuid, symbol text, condition text, threshold numeric)");
                sql.execute(
                        "CREATE TABLE triggered_alerts (id bigserial PRIMARY KEY, rule_id uuid, user_id uuid, symbol text, price numeric, triggered_at timestamptz)");
            }
            long loadStart = System.nanoTime();
            StringBuilder csv = new StringBuilder();
            for (AlertRule rule : workload.rules()) {
                csv.append(rule.ruleId())
                        .append(',')
                        .append(rule.userId())
                        .append(',')
                        .append(rule.symbol())
                        .append(',')
                        .append(rule.condition())
                        .append(',')
                        .append(rule.threshold().toPlainString())
                        .append('\n');
            }
            db.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY alert_rules FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            try (Statement sql = db.createStatement()) {
                sql.execute("CREATE INDEX ON alert_rules (symbol)");
                sql.execute("ANALYZE alert_rules");
            }
            AlertEngineBenchmark.print(
                    "seed baseline: %,d rules loaded into PostgreSQL in %.1f s%n",
                    workload.rules().size(), (System.nanoTime() - loadStart) / 1e9);
            long alerts = 0;
            long start = System.nanoTime();
            java.util.Map<String, BigDecimal> previous = new java.util.HashMap<>();
            db.setAutoCommit(false);
            try (PreparedStatement load = db.prepareStatement(
                            "SELECT rule_id, user_id, condition, threshold FROM alert_rules WHERE symbol = ?");
                    PreparedStatement insert = db.prepareStatement(
                            "INSERT INTO triggered_alerts (rule_id, user_id, symbol, price, triggered_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < ticks; i++) {
                    PriceTick tick = workload.nextTick(TickSource.REPLAY, java.time.Instant.now());
                    BigDecimal before = previous.put(tick.symbol().value(), tick.price());
                    load.setString(1, tick.symbol().value());
                    try (ResultSet rules = load.executeQuery()) {
                        while (rules.next()) {
                            if (matches(
                                    Condition.valueOf(rules.getString(3)),
                                    rules.getBigDecimal(4),
                                    before,
                                    tick.price())) {
                                insert.setObject(1, rules.getObject(1));
                                insert.setObject(2, rules.getObject(2));
                                insert.setString(3, tick.symbol().value());
                                insert.setBigDecimal(4, tick.price());
                                insert.setTimestamp(5, Timestamp.from(tick.observedAt()));
                                insert.executeUpdate();
                                alerts++;
                            }
                        }
                    }
                    db.commit();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double rate = ticks / seconds;
            AlertEngineBenchmark.print(
                    "seed baseline: %,d ticks in %.1f s = %,.0f ticks/s (%,d alert rows; level rules fire on every tick while they hold)%n",
                    ticks, seconds, rate, alerts);
            AlertEngineBenchmark.print("engine / seed baseline throughput ratio: %,.0f x%n", engineRate / rate);
            db.setAutoCommit(true);
            try (Statement sql = db.createStatement()) {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static boolean matches(Condition condition, BigDecimal threshold, BigDecimal before, BigDecimal price) {
        return switch (condition) {
            case PRICE_ABOVE -> price.compareTo(threshold) >= 0;
            case PRICE_BELOW -> price.compareTo(threshold) <= 0;
            case CROSSES_UP -> before != null && before.compareTo(threshold) < 0 && price.compareTo(threshold) >= 0;
            case CROSSES_DOWN -> before != null && before.compareTo(threshold) > 0 && price.compareTo(threshold) <= 0;
            default -> false;
        };
    }
}
