package org.stockalerts.api.channels;

import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.PermissionDeniedDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What alert-consumer told a user about the market data of the symbols they have rules on, from {@code
 * alerting.feed_notices}: a symbol's feed went blind ({@code STALE}) or came back ({@code RESUMED}), and why.
 * alert-consumer writes it (and deletes rows past its retention, 30 days by default), this service only reads it. Until
 * alert-consumer has created that table there are none.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class FeedNotices {

    private final JdbcTemplate jdbc;

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
        } catch (BadSqlGrammarException | PermissionDeniedDataAccessException noTableYet) {
            return List.of();
        }
    }
}
