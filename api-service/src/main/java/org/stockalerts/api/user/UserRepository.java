package org.stockalerts.api.user;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<UserAccount, UUID> {

    boolean existsByEmailIgnoreCase(String email);

    /**
     * The user, locked until the transaction ends. Every write that emits an event for a user takes
     * this lock first, so that user's outbox rows get ids in commit order and the relay, which
     * publishes in id order, publishes them in commit order.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.id = :id")
    Optional<UserAccount> lockById(UUID id);

    boolean existsByEmailIgnoreCaseAndIdNot(String email, UUID id);
}
