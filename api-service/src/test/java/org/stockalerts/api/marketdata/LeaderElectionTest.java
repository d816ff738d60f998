package org.stockalerts.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.stockalerts.api.marketdata.simulated.SimulatedFeedSettings;
import org.stockalerts.api.marketdata.simulated.SimulatedQuoteProvider;
import org.stockalerts.common.event.Symbol;
import org.stockalerts.common.id.EventIds;
import org.stockalerts.common.market.MarketSession;
import org.stockalerts.testsupport.TestDatabase;

/** Leader election on the real test PostgreSQL: two instances, one lock. */
class LeaderElectionTest {

    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    // a key of this test alone, so that api-service contexts in the same JVM do not compete for it
    private final long lockKey = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : cleanup) {
            closeable.close();
        }
    }

    @Test
    void secondInstanceTakesOverWithin30SecondsWhenTheLeadersSessionDies() throws SQLException {
        // Given two instances on one database, the first one leading
        LeaderElection first = election(database(), "first");
        LeaderElection second = election(database(), "second");
        assertThat(first.isLeader()).isTrue();
        assertThat(second.isLeader()).isFalse();

        // When the leader's database session dies, as when its process is killed
        terminateLockHolder();

        // Then the second instance leads within 30 s and the first knows it no longer does
        await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(500)).until(second::isLeader);
        assertThat(first.isLeader()).isFalse();
    }

    @Test
    void gracefulStepDownHandsLeadershipOverAtOnce() {
        // Given a leader and a follower
        LeaderElection first = election(database(), "first");
        LeaderElection second = election(database(), "second");
        assertThat(first.isLeader()).isTrue();

        // When the leader shuts down cleanly
        first.close();

        // Then the follower leads at its next check
        assertThat(second.isLeader()).isTrue();
    }

    @Test
    void onlyTheLeadingPollerPublishesAndTheOtherTakesOverWhenTheLeaderLosesItsDatabase() throws SQLException {
        // Given two pollers of the simulated market on one database, checking leadership every second
        SwitchableDataSource firstDatabase = new SwitchableDataSource(database());
        List<Quote> firstPublished = new CopyOnWriteArrayList<>();
        List<Quote> secondPublished = new CopyOnWriteArrayList<>();
        MarketDataPoller first = poller(election(firstDatabase, "first"), firstPublished);
        MarketDataPoller second = poller(election(database(), "second"), secondPublished);
        first.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> !firstPublished.isEmpty());
        second.start();

        // Then while the first leads, the second publishes nothing
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(secondPublished::isEmpty);

        // When the first loses its database for good
        firstDatabase.cutOff();
        terminateLockHolder();

        // Then the second publishes within 30 s
        await().atMost(TAKEOVER_LIMIT).until(() -> !secondPublished.isEmpty());
    }

    private MarketDataPoller poller(LeaderElection election, List<Quote> published) {
        Clock clock = Clock.systemUTC();
        var simulated = new SimulatedFeedSettings(1, Duration.ofMillis(100), 0.08, 0.3, 100);
        SimulatedQuoteProvider provider =
                new SimulatedQuoteProvider(simulated, java.time.ZoneId.of("America/New_York"), clock);
        MarketDataPoller poller = new MarketDataPoller(new MarketDataPoller.Parts(
                provider,
                RequestBudget.unlimited(clock),
                () -> List.of(new WatchedSymbol(Symbol.of("AAPL"), Instant.MIN)),
                (quotes, source) -> published.addAll(quotes),
                new FeedWatch(provider, MarketSession.REGULAR, Duration.ofMinutes(5), new EventIds(clock), clock),
                change -> true,
                election,
                clock,
                Duration.ofMillis(200),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                new SimpleMeterRegistry()));
        cleanup.add(poller::stop);
        return poller;
    }

    private LeaderElection election(DataSource dataSource, String instance) {
        LeaderElection election = new LeaderElection(dataSource, lockKey, instance);
        cleanup.add(election);
        return election;
    }

    private static DataSource database() {
        TestDatabase.Endpoint db = TestDatabase.endpoint();
        return new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
    }

    private void terminateLockHolder() throws SQLException {
        try (Connection admin = TestDatabase.endpoint().connect();
                PreparedStatement kill = admin.prepareStatement("""
                        SELECT pg_terminate_backend(pid) FROM pg_locks
                         WHERE locktype = 'advisory' AND granted
                           AND ((classid::bigint << 32) | objid::bigint) = ?
                        """)) {
            kill.setLong(1, lockKey);
            try (ResultSet killed = kill.executeQuery()) {
                assertThat(killed.next()).as("a session holds the lock").isTrue();
                assertThat(killed.getBoolean(1)).isTrue();
            }
        }
    }

    /** A database that becomes unreachable for one instance, as in a network partition. */
    private static final class SwitchableDataSource extends DelegatingDataSource {

        private final AtomicBoolean reachable = new AtomicBoolean(true);

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        void cutOff() {
            reachable.set(false);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!reachable.get()) {
                throw new SQLException("database unreachable");
            }
            return super.getConnection();
        }
    }
}
