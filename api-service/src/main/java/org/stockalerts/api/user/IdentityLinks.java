package org.stockalerts.api.user;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockalerts.api.security.FederatedIdentity;
import org.stockalerts.api.security.FederatedUsers;

/**
 * The users of OpenID Connect identities ({@code api.user_identities}): one lookup by issuer and subject on each
 * request, as for an API key. The first sight of a pair registers a user and links it in one transaction. Two first
 * requests at once both try: the primary key lets one link in; the other's {@code INSERT … ON CONFLICT DO NOTHING}
 * waits for that commit, links nothing, and the second request rolls back its user and takes the first one's.
 */
@Component
class IdentityLinks implements FederatedUsers {

    private static final Logger log = LoggerFactory.getLogger(IdentityLinks.class);

    private static final String FIND = "SELECT user_id FROM api.user_identities WHERE issuer = ? AND subject = ?";

    private static final String LINK = "INSERT INTO api.user_identities (issuer, subject, user_id, created_at)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (issuer, subject) DO NOTHING";

    /** A lost race reads the winner's link; it is gone again only if that user was deleted in between. */
    private static final int ATTEMPTS = 3;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final UserAccounts accounts;
    private final Clock clock;

    IdentityLinks(JdbcTemplate jdbc, PlatformTransactionManager transactions, UserAccounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UUID userOf(FederatedIdentity identity) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<UUID> user = linked(identity).or(() -> firstSight(identity));
            if (user.isPresent()) {
                return user.get();
            }
        }
        throw new IllegalStateException("identity neither linked nor linkable after " + ATTEMPTS + " attempts");
    }

    private Optional<UUID> linked(FederatedIdentity identity) {
        return jdbc
                .query(FIND, (row, n) -> row.getObject("user_id", UUID.class), identity.issuer(), identity.subject())
                .stream()
                .findFirst();
    }

    /** The new user, or empty when a concurrent request linked the identity first. */
    private Optional<UUID> firstSight(FederatedIdentity identity) {
        Optional<UUID> created = transactions.execute(status -> {
            UUID userId = accounts.registerFederated(identity.name());
            int linked =
                    jdbc.update(LINK, identity.issuer(), identity.subject(), userId, Timestamp.from(clock.instant()));
            if (linked == 0) {
                status.setRollbackOnly();
                return Optional.empty();
            }
            return Optional.of(userId);
        });
        if (created.isPresent()) {
            log.atInfo()
                    .addKeyValue("userId", created.get())
                    .addKeyValue("issuer", identity.issuer())
                    .log("user registered at the first sight of their token");
        } else {
            created = linked(identity);
        }
        return created;
    }
}
