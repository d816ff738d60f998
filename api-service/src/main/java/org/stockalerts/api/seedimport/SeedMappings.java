package org.stockalerts.api.seedimport;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code api.seed_imports}: which seed row became which row of the port. A row is recorded in the
 * transaction that imports it, so a row is either imported and recorded or neither, and a later run
 * counts it as already imported instead of importing it twice.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class SeedMappings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Seed id to new id of every row of {@code table} imported so far. */
    Map<Long, UUID> imported(SeedTable table) {
        Map<Long, UUID> ids = new HashMap<>();
        jdbc.query(
                "SELECT seed_id, new_id FROM api.seed_imports WHERE seed_table = ?",
                row -> {
                    ids.put(row.getLong("seed_id"), row.getObject("new_id", UUID.class));
                },
                table.tableName());
        return ids;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(SeedTable table, long seedId, UUID newId) {
        jdbc.update(
                "INSERT INTO api.seed_imports (seed_table, seed_id, new_id, imported_at) VALUES (?, ?, ?, ?)",
                table.tableName(),
                seedId,
                newId,
                Timestamp.from(clock.instant()));
    }
}
