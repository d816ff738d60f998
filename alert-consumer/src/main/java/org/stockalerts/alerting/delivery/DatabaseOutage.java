package org.stockalerts.alerting.delivery;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.stockalerts.alerting.clock.ClockUncheckedException;

/**
 * Tells a failure that only means "PostgreSQL cannot be reached right now" (connection refused,
 * closed or timed out, the server shutting down or starting, its connection slots full) from every
 * other failure. Such a failure says nothing about the record being handled, so the record waits for
 * the database instead of using up its retries. A failure counts only when some database exception in
 * its cause chain says so: a bare {@code ConnectException} could as well be a webhook receiver's.
 * A {@link ClockUncheckedException} counts too: the clock is checked against PostgreSQL's, and a
 * webhook waits until it is checked again rather than go out with a timestamp receivers may refuse.
 */
final class DatabaseOutage {

    /**
     * The exception types under which every database-outage failure is found, for classifiers that
     * go by type only (the retry topics' blocking retries); {@link #isCause} decides exactly.
     */
    static final List<Class<? extends Exception>> CANDIDATE_TYPES =
            List.of(DataAccessException.class, SQLException.class, ClockUncheckedException.class);

    /** SQLSTATE class 08: connection exception (refused, closed, failed during the exchange). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    /**
     * admin_shutdown, crash_shutdown, cannot_connect_now (starting up or in recovery) and
     * too_many_connections: the server is there but cannot serve this connection yet.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {}

    /** Whether {@code failure}, or any of its causes, says the database is unreachable for now. */
    static boolean isCause(Throwable failure) {
        return find(failure).isPresent();
    }

    /** The first exception of {@code failure}'s cause chain that says the database is unreachable. */
    static Optional<Throwable> find(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (signalsOutage(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private static boolean signalsOutage(Throwable t) {
        // CannotGetJdbcConnectionException is a DataAccessResourceFailureException, and SQLSTATE
        // class 08 is translated to one; RecoverableDataAccessException is a broken connection
        return t instanceof ClockUncheckedException
                || t instanceof DataAccessResourceFailureException
                || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && unavailableState(sql.getSQLState());
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS) || UNAVAILABLE_STATES.contains(state));
    }
}
