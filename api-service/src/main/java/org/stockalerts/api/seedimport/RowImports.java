package org.stockalerts.api.seedimport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.api.web.ApiException;

/**
 * Imports one seed row at a time, each in a transaction of its own: the API's validation of the
 * request the row stands for, then the API's own service call. What the API would refuse (its
 * validation, its domain exceptions, a symbol or price the domain types refuse, a constraint of
 * the database) skips the row and names it in the report; anything else (the database gone) fails
 * the whole import.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class RowImports {

    /** The work of importing one row, inside its transaction. */
    @FunctionalInterface
    interface RowWork {
        void run();
    }

    private final TransactionTemplate transactions;
    private final Validator validator;

    /** Runs {@code work} in a new transaction; counts the row imported, or skipped with the reason. */
    void importRow(ImportReport report, SeedTable table, long seedId, RowWork work) {
        try {
            transactions.executeWithoutResult(status -> work.run());
            report.imported(table, 1);
        } catch (ApiException | IllegalArgumentException e) {
            report.skipped(table, seedId, e.getMessage());
        } catch (DataIntegrityViolationException e) {
            report.skipped(table, seedId, e.getMostSpecificCause().getMessage());
        }
    }

    /** Refuses {@code request} as the API's bean validation would, naming each field at fault. */
    void validate(Object request) {
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> "field '" + v.getPropertyPath() + "' " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
    }
}
