package org.stockalerts.alerting.engine;

import java.util.Optional;
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

    /** Set to {@code false} on a 404 for a rule the engine does not hold, so api-service tells it from a missing route. */
    static final String RULE_HELD_HEADER = "Stockalerts-Rule-Held";

    /** A symbol rule by its {@code symbol}, or a portfolio rule by its {@code userId}. */
    @GetMapping(PATH)
    ResponseEntity<?> explain(
            @PathVariable UUID ruleId,
            @RequestParam(required = false) String symbol,
            @RequestParam(required = false) UUID userId,
            @RequestParam(defaultValue = "false") boolean forwarded) {
        if ((symbol == null) == (userId == null)) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, "give exactly one of 'symbol' (a symbol rule) and 'userId'"));
        }
        Optional<RuleExplanation> explanation;
        if (userId != null) {
            explanation = queries.explainPortfolio(ruleId, userId, forwarded);
        } else {
            Symbol parsed;
            try {
                parsed = Symbol.of(symbol);
            } catch (IllegalArgumentException e) {
                return ResponseEntity.badRequest()
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
            }
            explanation = queries.explain(ruleId, parsed, forwarded);
        }
        return explanation
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .header(RULE_HELD_HEADER, "false")
                        .build());
    }

    @ExceptionHandler(RuleQueries.EngineUnavailableException.class)
    ProblemDetail unavailable(RuleQueries.EngineUnavailableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }
}
