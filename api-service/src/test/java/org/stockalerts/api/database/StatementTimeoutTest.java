package org.stockalerts.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.testsupport.TestDatabase;

/**
 * A request whose query runs past PostgreSQL's statement_timeout answers a 503 problem detail the
 * client may retry. The context of its own (a short timeout) is closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = "stockalerts.api.database.statement-timeout=1s")
class StatementTimeoutTest extends ApiIntegrationTestSupport {

    @Test
    void everyPooledConnectionCarriesTheStatementTimeout() {
        assertThat(jdbc.queryForObject("SHOW statement_timeout", String.class)).isEqualTo("1s");
    }

    @Test
    void aRequestWhoseQueryWaitsPastTheTimeoutAnswers503WithRetryAfter() throws Exception {
        // Given a user, and another session holding the users table locked (its statements wait meanwhile)
        TestUser alice = registerUser("Alice");
        try (Connection other = TestDatabase.endpoint().connect();
                Statement sql = other.createStatement()) {
            other.setAutoCommit(false);
            sql.execute("LOCK TABLE api.users IN ACCESS EXCLUSIVE MODE");

            // When she reads her user
            MvcTestResult result = get(alice, "/users/" + alice.id());

            // Then the query is cut off at the timeout and she is told to retry: a 503, not a 500
            assertProblem(result, 503);
            assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            other.rollback();
        }

        // And once the lock is gone, the same request answers
        assertThat(get(alice, "/users/" + alice.id())).hasStatus(200);
    }
}
