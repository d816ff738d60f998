package org.stockalerts.api.quota;

import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Enforces the per-user quotas around a write. The caller holds the user's row lock (every write that
 * emits a user's events takes it first), so two concurrent writes of one user run one after the other
 * and cannot both take the last slot. The write runs, and is refused (its transaction rolled back) if
 * it took a count past its limit; a write that does not grow a count already over a lowered limit
 * (a rename, a deletion) still passes.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Quotas {

    private static final String USAGE = "SELECT"
            + " (SELECT count(*) FROM api.alert_rules WHERE user_id = ?) AS rules,"
            + " (SELECT count(*) FROM api.notification_channels WHERE user_id = ?) AS channels,"
            + " (SELECT count(*) FROM api.holdings h JOIN api.portfolios p ON p.id = h.portfolio_id"
            + " WHERE p.user_id = ?) AS holdings,"
            + " (SELECT count(*) FROM (SELECT symbol FROM api.alert_rules WHERE user_id = ? AND symbol IS NOT NULL"
            + " UNION SELECT h.symbol FROM api.holdings h JOIN api.portfolios p ON p.id = h.portfolio_id"
            + " WHERE p.user_id = ?) s) AS symbols,"
            + " (SELECT count(*) FROM api.api_keys WHERE user_id = ?) AS keys";

    private final JdbcTemplate jdbc;
    private final EntityManager entities;
    private final QuotaSettings settings;

    /**
     * Runs {@code write} for {@code userId}, whose row the caller has locked in the current
     * transaction, and refuses it if it grew a count past its quota. The write must make all its
     * changes inside {@code write}: changes to managed entities made before are flushed into the
     * counts taken before it.
     *
     * @throws QuotaExceededException naming the first quota exceeded
     */
    public <T> T guarded(UUID userId, Supplier<T> write) {
        Map<Quota, Long> before = usage(userId);
        T result = write.get();
        Map<Quota, Long> after = usage(userId);
        for (Quota quota : Quota.values()) {
            int maximum = quota.maximum(settings);
            if (after.get(quota) > maximum && after.get(quota) > before.get(quota)) {
                throw new QuotaExceededException(quota, maximum);
            }
        }
        return result;
    }

    private Map<Quota, Long> usage(UUID userId) {
        entities.flush();
        return jdbc.queryForObject(
                USAGE,
                (row, n) -> {
                    Map<Quota, Long> counts = new EnumMap<>(Quota.class);
                    for (Quota quota : Quota.values()) {
                        counts.put(quota, row.getLong(quota.property()));
                    }
                    return counts;
                },
                userId,
                userId,
                userId,
                userId,
                userId,
                userId);
    }
}
