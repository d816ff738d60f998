package org.stockalerts.api.alerts;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AlertRuleRepository extends JpaRepository<AlertRuleEntity, UUID>, JpaSpecificationExecutor<AlertRuleEntity> {

    Optional<AlertRuleEntity> findByIdAndUserId(UUID id, UUID userId);

    Optional<AlertRuleEntity> findByHoldingId(UUID holdingId);

    List<AlertRuleEntity> findByUserId(UUID userId);
}
