package org.stockalerts.alerting.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.stockalerts.alerting.clock.ClockUncheckedException;

class DatabaseOutageTest {

    @Test
    void aRefusedConnectionAsJdbcTemplateReportsItIsAnOutage() {
        // Given the chain HikariCP and JdbcTemplate build when PostgreSQL refuses connections
        PSQLException refused = new PSQLException(
                "Connection to 127.0.0.1:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException());
        SQLTransientConnectionException timedOut =
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001", refused);
        CannotGetJdbcConnectionException failure =
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut);

        // Then, however deep the listener container wraps it, it is an outage
        assertThat(DatabaseOutage.isCause(failure)).isTrue();
        assertThat(DatabaseOutage.isCause(new ListenerExecutionFailedException("listener failed", failure)))
                .isTrue();
    }

    @Test
    void anUncheckedClockWaitsLikeAnOutage() {
        // the clock is checked against PostgreSQL's: a webhook waits for the next measurement in place
        ClockUncheckedException unchecked = new ClockUncheckedException("not measured since");
        assertThat(DatabaseOutage.isCause(new ListenerExecutionFailedException("listener failed", unchecked)))
                .isTrue();
        assertThat(DatabaseOutage.CANDIDATE_TYPES).contains(ClockUncheckedException.class);
    }

    @Test
    void everyDatabaseExceptionThatSaysUnreachableIsAnOutage() {
        assertOutage(
                true,
                new DataAccessResourceFailureException("I/O error"),
                new QueryTimeoutException("statement timeout"),
                new CannotAcquireLockException("lock timeout"),
                new RecoverableDataAccessException("connection broken"),
                new SQLTransientConnectionException("pool exhausted"),
                new SQLRecoverableException("connection lost"),
                new PSQLException("An I/O error occurred while sending to the backend", PSQLState.CONNECTION_FAILURE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"08001", "08003", "08006", "08P01", "57P01", "57P02", "57P03", "53300"})
    void aPostgresStateOfTheConnectionClassOrAServerThatCannotServeIsAnOutage(String state) {
        assertOutage(
                true,
                new RuntimeException("wrapped", new SQLException("failed", state)),
                new SQLNonTransientConnectionException("failed", state));
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "28P01", "22001", "40001", "XX000"})
    void aPostgresStateAboutTheStatementDataOrLoginIsNoOutage(String state) {
        assertThat(DatabaseOutage.isCause(new SQLException("failed", state))).isFalse();
    }

    @Test
    void failuresOfTheRecordOrTheQueryAreNoOutage() {
        assertOutage(
                false,
                new DuplicateKeyException("duplicate"),
                new DataIntegrityViolationException("violates a constraint"),
                new BadSqlGrammarException("query", "SELECT", new SQLException("no such table", "42P01")),
                new IllegalArgumentException("bad record"),
                new SQLException("no state"));
    }

    @Test
    void aNetworkFailureOutsideTheDatabaseIsNoOutage() {
        // a webhook receiver refusing or timing out says nothing about PostgreSQL
        assertOutage(
                false,
                new ConnectException("Connection refused"),
                new DeliveryFailedException("receiver down", null),
                new IOException("send failed", new HttpTimeoutException("timed out")));
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(DatabaseOutage.isCause(second)).isFalse();
    }

    private static void assertOutage(boolean outage, Exception... failures) {
        for (Exception failure : failures) {
            assertThat(DatabaseOutage.isCause(failure)).as("%s", failure).isEqualTo(outage);
        }
    }
}
