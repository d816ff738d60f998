package org.stockalerts.api.alerts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AlertRuleRepository extends JpaRepository<AlertRuleEntity, UUID>, JpaSpecificationExecutor<AlertRuleEntity> {

    Optional<AlertRuleEntity> findByIdAndUserId(UUID id, UUID userId);

    List<AlertRuleEntity> findByHoldingIdOrderByCreatedAtAscIdAsc(UUID holdingId);

    List<AlertRuleEntity> findByHoldingIdIn(Collection<UUID> holdingIds);

    /**
     * The rules of every holding of a portfolio. One parameter, so Hibernate keeps the query's SQL (an IN
     * list of ids is translated again on every call).
     */
    @Query("select r from AlertRuleEntity r where r.holdingId in"
            + " (select h.id from HoldingEntity h where h.portfolioId = :portfolioId)")
    List<AlertRuleEntity> findByPortfolioId(UUID portfolioId);

    List<AlertRuleEntity> findByUserId(UUID userId);
}
