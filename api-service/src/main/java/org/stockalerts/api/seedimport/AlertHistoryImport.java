package org.stockalerts.api.seedimport;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.stockalerts.api.alerts.HoldingRules;
import org.stockalerts.common.event.AlertRule;
import org.stockalerts.common.event.AlertTriggered;
import org.stockalerts.common.event.PriceTick;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.event.TickSource;
import org.stockalerts.common.kafka.EventJson;

/**
 * The seed's alert history becomes rows of {@code persistence.alerts}, where {@code GET
 * /users/{id}/alerts} and the live stream's replay read the history, stored as persistence-consumer
 * stores a fired alert but without a topic position (as alerts stored before positions were kept,
 * so they come before every live alert). Written here rather than published: published alerts would
 * be pushed and delivered to webhooks again.
 *
 * <p>A seed alert records user, symbol, price and time, not which stock entry fired it; it is
 * attributed to the imported rule of the user on that symbol with the highest threshold at or below
 * the price (one that fired at that price). Its source event is a tick derived from the seed row,
 * and the alert is built by {@link AlertTriggered#fired} as the engine builds it (its id derives from rule
 * and tick), so a second run inserts nothing ({@code ON CONFLICT DO NOTHING}).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AlertHistoryImport {

    private static final String INSERT = "INSERT INTO persistence.alerts (alert_id, event_id, user_id, rule_id,"
            + " symbol, condition, observed_value, message, source_event_id, observed_at, triggered_at, payload)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING";

    private final HistoryWrites writes;
    private final SeedMappings mappings;
    private final HoldingRules rules;
    private final SeedImportSettings settings;

    void run(SeedReader seed, ImportReport report) throws SQLException {
        SeedTable table = SeedTable.ALERTS;
        Map<Long, UUID> users = mappings.imported(SeedTable.USERS);
        Map<UUID, Map<Symbol, NavigableMap<BigDecimal, AlertRule>>> thresholds = importedThresholds();
        HistoryBatch<AlertTriggered> batch = new HistoryBatch<>(settings.batchSize(), alerts -> write(alerts, report));
        seed.eachKept(
                table,
                "a",
                "a.user_id, a.stock_symbol, a.price::text AS price, a.\"timestamp\"::timestamptz AS fired_at",
                "alerts a",
                report,
                (id, row) -> {
                    long seedUser = row.getLong("user_id");
                    UUID user = row.wasNull() ? null : users.get(seedUser);
                    if (user == null) {
                        throw new IllegalArgumentException(
                                "its user " + SeedTable.USERS.row(seedUser) + " was not imported");
                    }
                    Symbol symbol = Symbol.of(row.getString("stock_symbol"));
                    BigDecimal price = SeedValues.price(row.getString("price"));
                    var rule = thresholds
                            .getOrDefault(user, Map.of())
                            .getOrDefault(symbol, new TreeMap<>())
                            .floorEntry(price);
                    if (rule == null) {
                        throw new IllegalArgumentException("no imported stock entry of " + SeedTable.USERS.row(seedUser)
                                + " on " + symbol + " at or below " + price);
                    }
                    batch.add(alert(
                            table.derivedId(id, "tick"), rule.getValue(), price, SeedValues.instant(row, "fired_at")));
                });
        batch.flush();
    }

    /** The threshold rules of the imported stock entries: per user and symbol, by threshold. */
    private Map<UUID, Map<Symbol, NavigableMap<BigDecimal, AlertRule>>> importedThresholds() {
        Map<UUID, Map<Symbol, NavigableMap<BigDecimal, AlertRule>>> thresholds = new HashMap<>();
        for (AlertRule rule : rules.thresholdRules(
                new HashSet<>(mappings.imported(SeedTable.STOCKS).values()))) {
            thresholds
                    .computeIfAbsent(rule.userId(), user -> new HashMap<>())
                    .computeIfAbsent(rule.symbol(), symbol -> new TreeMap<>())
                    .put(rule.threshold(), rule);
        }
        return thresholds;
    }

    private static AlertTriggered alert(UUID tickId, AlertRule rule, BigDecimal price, Instant at) {
        PriceTick tick = PriceTick.of(tickId, at, rule.symbol(), price, TickSource.ALPHAVANTAGE, at);
        String message = "%s is at or above %s (now %s)"
                .formatted(rule.symbol(), rule.threshold().toPlainString(), price.toPlainString());
        return AlertTriggered.fired(rule, tickId, price, tick, at, message);
    }

    private void write(List<AlertTriggered> alerts, ImportReport report) {
        writes.insert(report, SeedTable.ALERTS, INSERT, alerts, (statement, alert) -> {
            statement.setObject(1, alert.alertId());
            statement.setObject(2, alert.eventId());
            statement.setObject(3, alert.userId());
            statement.setObject(4, alert.ruleId());
            statement.setString(5, alert.symbol().value());
            statement.setString(6, alert.rule().condition().name());
            statement.setBigDecimal(7, alert.observedValue());
            statement.setString(8, alert.message());
            statement.setObject(9, alert.sourceEventId());
            statement.setTimestamp(10, Timestamp.from(alert.observedAt()));
            statement.setTimestamp(11, Timestamp.from(alert.occurredAt()));
            statement.setString(12, new String(EventJson.write(alert), StandardCharsets.UTF_8));
        });
    }
}
