package org.stockalerts.api.channels;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.stockalerts.common.event.ChannelType;

interface ChannelRepository extends JpaRepository<ChannelEntity, UUID> {

    List<ChannelEntity> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId);

    Optional<ChannelEntity> findByIdAndUserId(UUID id, UUID userId);

    boolean existsByUserIdAndTypeAndAddress(UUID userId, ChannelType type, String address);
}
