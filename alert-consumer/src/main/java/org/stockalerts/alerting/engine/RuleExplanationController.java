package org.stockalerts.alerting.engine;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.rules.RuleExplanation;

/**
 * The engine's internal route behind the API's {@code GET /alerts/{id}/explain}: api-service asks it (and an
 * instance that does not hold the rule's symbol forwards it to the one that does). Not for end users: it answers
 * any rule by id, so it is reachable only where the service port is (docs/security.md).
 */
@RestController
class RuleExplanationController {

    static final String PATH = "/engine/rules/{ruleId}/explanation";

    private final RuleQueries queries;

    RuleExplanationController(RuleQueries queries) {
        this.queries = queries;
    }

    @GetMapping(PATH)
    ResponseEntity<RuleExplanation> explain(
            @PathVariable UUID ruleId,
            @RequestParam String symbol,
            @RequestParam(defaultValue = "false") boolean forwarded) {
        return ResponseEntity.of(queries.explain(ruleId, Symbol.of(symbol), forwarded));
    }

    @ExceptionHandler(RuleQueries.EngineUnavailableException.class)
    ProblemDetail unavailable(RuleQueries.EngineUnavailableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badSymbol(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
