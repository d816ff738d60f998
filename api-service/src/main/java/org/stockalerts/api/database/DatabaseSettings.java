package org.stockalerts.api.database;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * PostgreSQL statement timeouts ({@code stockalerts.api.database.*}, e.g. {@code
 * STOCKALERTS_API_DATABASE_STATEMENT_TIMEOUT}); 0 means none.
 *
 * @param statementTimeout longest a statement of the connection pool may run (requests, the outbox
 *     relay, the rate limiter); one cut off answers a request with 503
 * @param seedImportStatementTimeout the pool's statement timeout in an {@code import-seed} run instead,
 *     whose batches of history rows take longer
 * @param migrationStatementTimeout longest a statement of a Flyway migration may run; migrations use
 *     connections of their own, outside the pool
 * @param timedOutRetryAfter the {@code Retry-After} of the 503 answering a request whose query was cut off
 */
@Validated
@ConfigurationProperties("stockalerts.api.database")
public record DatabaseSettings(
        @DefaultValue("5s") @DurationMin Duration statementTimeout,
        @DefaultValue("0") @DurationMin Duration seedImportStatementTimeout,
        @DefaultValue("0") @DurationMin Duration migrationStatementTimeout,
        @DefaultValue("5s") @DurationMin(seconds = 1) Duration timedOutRetryAfter) {}
