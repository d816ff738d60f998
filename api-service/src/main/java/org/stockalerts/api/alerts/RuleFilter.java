package org.stockalerts.api.alerts;

import jakarta.persistence.criteria.Predicate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.domain.Specification;
import org.stockalerts.common.event.RuleStatus;
import org.stockalerts.common.event.Symbol;

/**
 * The query behind {@code GET /alerts}. It filters on the status as shown, not as stored: an active
 * rule past its expiry counts as EXPIRED.
 */
final class RuleFilter {

    private RuleFilter() {}

    /** The owner's rules, of one symbol and one status as shown when given. */
    static Specification<AlertRuleEntity> of(UUID owner, Symbol symbol, RuleStatus status, Instant now) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(root.get("userId"), owner));
            if (symbol != null) {
                where.add(cb.equal(root.get("symbol"), symbol.value()));
            }
            if (status != null) {
                Predicate expired = cb.and(
                        cb.equal(root.get("status"), RuleStatus.ACTIVE),
                        cb.lessThanOrEqualTo(root.get("expiresAt"), now));
                where.add(
                        switch (status) {
                            case EXPIRED -> cb.or(cb.equal(root.get("status"), RuleStatus.EXPIRED), expired);
                            case ACTIVE ->
                                cb.and(
                                        cb.equal(root.get("status"), RuleStatus.ACTIVE),
                                        cb.or(
                                                cb.isNull(root.get("expiresAt")),
                                                cb.greaterThan(root.get("expiresAt"), now)));
                            default -> cb.equal(root.get("status"), status);
                        });
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
