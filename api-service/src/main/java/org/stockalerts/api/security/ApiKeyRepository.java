package org.stockalerts.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

public interface ApiKeyRepository extends JpaRepository<ApiKey, UUID> {

    Optional<ApiKey> findByKeyHash(String keyHash);

    List<ApiKey> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId);

    Optional<ApiKey> findByIdAndUserId(UUID id, UUID userId);

    long countByUserId(UUID userId);

    /** Records a use of the key at {@code at} unless a use at or after {@code since} is recorded already. */
    @Transactional
    @Modifying
    @Query("update ApiKey k set k.lastUsedAt = :at where k.id = :id"
            + " and (k.lastUsedAt is null or k.lastUsedAt < :since)")
    int recordUse(UUID id, Instant at, Instant since);
}
