package org.stockalerts.api.alerts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AlertRuleRepository extends JpaRepository<AlertRuleEntity, UUID>, JpaSpecificationExecutor<AlertRuleEntity> {

    Optional<AlertRuleEntity> findByIdAndUserId(UUID id, UUID userId);

    List<AlertRuleEntity> findByHoldingIdOrderByCreatedAtAscIdAsc(UUID holdingId);

    List<AlertRuleEntity> findByHoldingIdIn(Collection<UUID> holdingIds);

    List<AlertRuleEntity> findByUserId(UUID userId);
}
