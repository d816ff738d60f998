package org.stockalerts.api.portfolio;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface HoldingRepository extends JpaRepository<HoldingEntity, UUID> {

    List<HoldingEntity> findByPortfolioIdOrderBySymbol(UUID portfolioId);

    Optional<HoldingEntity> findByPortfolioIdAndSymbol(UUID portfolioId, String symbol);
}
