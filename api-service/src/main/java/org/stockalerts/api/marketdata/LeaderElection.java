package org.stockalerts.api.marketdata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election through a PostgreSQL session advisory lock: the instance whose connection holds the
 * lock is the leader. The lock lives as long as that connection, so when the leader dies PostgreSQL
 * drops the connection and the lock with it, and the next {@link #isLeader()} of another instance
 * takes it over. A leader that finds its connection broken steps down at once. Thread-safe.
 */
public final class LeaderElection implements Leadership {

    private static final Logger log = LoggerFactory.getLogger(LeaderElection.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    private final DataSource dataSource;
    private final long lockKey;
    private final String instance;
    private Connection connection;

    /**
     * @param dataSource where the lock connection comes from; it holds one connection while leading
     * @param lockKey the advisory lock every competing instance uses
     * @param instance a name of this instance for the logs
     */
    public LeaderElection(DataSource dataSource, long lockKey, String instance) {
        this.dataSource = dataSource;
        this.lockKey = lockKey;
        this.instance = instance;
    }

    @Override
    public synchronized boolean isLeader() {
        if (connection != null) {
            if (stillValid()) {
                return true;
            }
            log.atWarn().addKeyValue("instance", instance).log("lost market-data leadership: lock connection broken");
            closeQuietly();
        }
        return tryClaim();
    }

    @Override
    public synchronized void close() {
        if (connection == null) {
            return;
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, lockKey);
            unlock.execute();
        } catch (SQLException e) {
            log.atDebug().addKeyValue("error", e.getMessage()).log("advisory unlock failed; closing releases it");
        }
        closeQuietly();
        log.atInfo().addKeyValue("instance", instance).log("released market-data leadership");
    }

    private boolean tryClaim() {
        Connection candidate = null;
        try {
            candidate = dataSource.getConnection();
            candidate.setAutoCommit(true);
            if (claim(candidate)) {
                connection = candidate;
                log.atInfo().addKeyValue("instance", instance).log("took market-data leadership");
                return true;
            }
            candidate.close();
        } catch (SQLException e) {
            log.atWarn()
                    .addKeyValue("instance", instance)
                    .addKeyValue("error", e.getMessage())
                    .log("could not compete for market-data leadership");
            close(candidate);
        }
        return false;
    }

    private boolean claim(Connection candidate) throws SQLException {
        try (PreparedStatement lock = candidate.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private boolean stillValid() {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeQuietly() {
        close(connection);
        connection = null;
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.atDebug().addKeyValue("error", e.getMessage()).log("closing the lock connection failed");
        }
    }
}
