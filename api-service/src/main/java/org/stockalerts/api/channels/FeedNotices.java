package org.stockalerts.api.channels;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What alert-consumer told a user about the market data of the symbols they have rules on, from {@code
 * alerting.feed_notices}: a symbol's feed went blind ({@code STALE}) or came back ({@code RESUMED}), and why.
 * alert-consumer writes it (and deletes rows past its retention, 30 days by default), this service only reads it. Until
 * alert-consumer has created that table there are none; without its SELECT grant there are none either, and the first
 * refusal is logged as a warning naming the grant (once per process: every listing would repeat it).
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FeedNotices {

    private static final Logger log = LoggerFactory.getLogger(FeedNotices.class);

    /** PostgreSQL's SQL state for a missing grant. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final JdbcTemplate jdbc;
    private final AtomicBoolean refusalLogged = new AtomicBoolean();

    /** The user's {@code limit} newest feed notices, newest first. */
    List<NoticeController.NoticeView> newest(UUID userId, int limit) {
        try {
            return jdbc.query(
                    "SELECT status, symbol, problem, detail, at FROM alerting.feed_notices WHERE user_id = ?"
                            + " ORDER BY at DESC, notice_id LIMIT ?",
                    (row, n) -> new NoticeController.NoticeView(
                            "FEED_" + row.getString("status"),
                            null,
                            null,
                            null,
                            row.getString("detail"),
                            row.getTimestamp("at").toInstant(),
                            row.getString("symbol"),
                            row.getString("problem")),
                    userId,
                    limit);
        } catch (BadSqlGrammarException e) {
            // PostgreSQL's refusal comes as bad grammar too (Spring maps SQL state class 42 so): only its state tells
            if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLException().getSQLState())) {
                refused(e);
            }
            return List.of();
        } catch (PermissionDeniedDataAccessException e) {
            refused(e);
            return List.of();
        }
    }

    private void refused(DataAccessException refusal) {
        if (refusalLogged.compareAndSet(false, true)) {
            log.atWarn()
                    .addKeyValue("table", "alerting.feed_notices")
                    .addKeyValue("grant", "SELECT")
                    .addKeyValue("error", refusal.getMostSpecificCause().getMessage())
                    .log("this service's database role lacks SELECT on alerting.feed_notices, which alert-consumer's"
                            + " migrations grant it (reader_tables): users' feed notices are listed as none until"
                            + " alert-consumer has migrated with this role as its reader; logged once");
        }
    }
}
