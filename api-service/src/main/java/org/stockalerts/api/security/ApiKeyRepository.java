package org.stockalerts.api.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    List<ApiKey> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId);

    Optional<ApiKey> findByIdAndUserId(UUID id, UUID userId);

    long countByUserId(UUID userId);
}
