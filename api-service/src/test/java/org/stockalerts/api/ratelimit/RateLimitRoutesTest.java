package org.stockalerts.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.testsupport.MutableClock;
import org.stockalerts.testsupport.SettingsBinding;
import tools.jackson.databind.JsonNode;

/**
 * The rate limits through the whole service, with small limits and a clock that moves only when the
 * test moves it. Each test sends from addresses of its own. The context of its own is closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(FrozenClock.class)
@TestPropertySource(
        properties = {
            "stockalerts.api.rate-limits.enabled=true",
            "stockalerts.api.rate-limits.per-key-burst=3",
            "stockalerts.api.rate-limits.per-key-per-second=2",
            "stockalerts.api.rate-limits.per-address-burst=20",
            "stockalerts.api.rate-limits.per-address-per-second=1",
            "stockalerts.api.rate-limits.registrations-per-hour=2",
            // the frozen clock would date the feed's ticks months back for every context on the broker
            "stockalerts.marketdata.enabled=false"
        })
class RateLimitRoutesTest extends ApiIntegrationTestSupport {

    @Autowired
    MutableClock clock;

    @Autowired
    DataSource dataSource;

    @Autowired
    BucketConnections bucketConnections;

    @Test
    void syncsBucketsOnAPoolOfTheirOwnThatCommitsWithoutWaitingForTheDiskUnderTheSameStatementTimeout()
            throws SQLException {
        // Given the limiter's connections and the requests' pool
        DataSource buckets = bucketConnections.dataSource();

        // Then they are not the requests' pool, commit asynchronously and keep its statement timeout
        assertThat(buckets).isNotSameAs(dataSource);
        assertThat(setting(buckets, "synchronous_commit")).isEqualTo("off");
        assertThat(setting(dataSource, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(buckets, "statement_timeout")).isEqualTo(setting(dataSource, "statement_timeout"));
    }

    private static String setting(DataSource source, String name) throws SQLException {
        try (Connection connection = source.getConnection();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    @Test
    void refusesAKeyPastItsBurstWithRetryAfterUntilTimeRefillsIt() {
        // Given a user who sent the three requests of her key's burst
        TestUser alice = register("198.51.100.1");
        String me = "/users/" + alice.id();
        for (int i = 0; i < 3; i++) {
            assertThat(getAs(alice, me, "198.51.100.1")).hasStatus(200);
        }

        // When she sends a fourth, even from another address
        MvcTestResult refused = getAs(alice, me, "198.51.100.2");

        // Then it is a 429 naming the key's limit, to be retried after half a second, rounded up to 1
        assertTooManyRequests(refused, "requests-per-key", 3, "1");

        // And once that time passed, she is admitted again
        clock.advance(Duration.ofMillis(500));
        assertThat(getAs(alice, me, "198.51.100.2")).hasStatus(200);
    }

    @Test
    void refusesAnAddressPastItsBurstWithOrWithoutAKey() {
        // Given an address that sent its burst of twenty requests without a key (each a 401)
        TestUser bob = register("198.51.100.10");
        for (int i = 0; i < 19; i++) {
            assertThat(anonymousGet("/users/" + bob.id(), "198.51.100.10")).hasStatus(401);
        }

        // When it sends another, with or without a valid key
        // Then each is a 429 naming the address's limit, before the key is even looked at
        assertTooManyRequests(anonymousGet("/users/" + bob.id(), "198.51.100.10"), "requests-per-address", 20, "1");
        assertTooManyRequests(getAs(bob, "/users/" + bob.id(), "198.51.100.10"), "requests-per-address", 20, "1");

        // And the same key from another address is admitted
        assertThat(getAs(bob, "/users/" + bob.id(), "198.51.100.11")).hasStatus(200);
    }

    @Test
    void refusesTheThirdRegistrationOfAnAddressWithinTheHour() {
        // Given an address that registered two users
        register("198.51.100.20");
        register("198.51.100.20");

        // When it registers a third, then it is refused until a registration refilled (an hour / 2)
        assertTooManyRequests(registration("198.51.100.20"), "registrations-per-address", 2, "1800");

        // And another address still registers
        assertThat(registration("198.51.100.21")).hasStatus(201);
    }

    @Test
    void twoInstancesTakeFromOneBucketSoTheSecondAdmitsAtMostWhatTheFirstHadNotWrittenBack() {
        // Given two limiters over the same table (two api-service instances) with the default limits,
        // and a key that sent its whole burst of 40 through the first
        RateLimitSettings defaults = SettingsBinding.bind(RateLimitSettings.class);
        MutableClock time = new MutableClock(Instant.parse("2026-06-01T12:00:00Z"));
        RateLimiter first = new RateLimiter(dataSource, defaults, time);
        RateLimiter second = new RateLimiter(dataSource, defaults, time);
        String key = UUID.randomUUID().toString();
        assertThat(admitted(first, key, 40)).isEqualTo(40);
        assertThat(first.take(RateLimit.REQUESTS_PER_KEY, key)).isPresent();

        // When the same key sends 40 more through the second
        long admittedBySecond = admitted(second, key, 40);

        // Then the second admits only what the first took from its local copy and had not yet written
        // back: at most syncTokens, where a bucket of its own would have admitted 40
        assertThat(admittedBySecond).isLessThanOrEqualTo(defaults.syncTokens());
        assertThat(admitted(
                        new RateLimiter(dataSource, defaults, time),
                        UUID.randomUUID().toString(),
                        40))
                .isEqualTo(40);
    }

    @Test
    void theCleanupDeletesBucketsThatAreFullAgainAndKeepsTheOthers() {
        // Given a key's bucket that one request leaves full again within 50 ms (20 a second), and an
        // address's registrations bucket that one registration leaves refilling for six minutes
        RateLimitSettings settings = SettingsBinding.bind(RateLimitSettings.class, "sync-interval", "1ms");
        RateLimiter limiter = new RateLimiter(dataSource, settings, Clock.systemUTC());
        String key = UUID.randomUUID().toString();
        String address = "203.0.113.77";
        limiter.take(RateLimit.REQUESTS_PER_KEY, key);
        limiter.take(RateLimit.REGISTRATIONS_PER_ADDRESS, address);

        // When the cleanup runs, then the full bucket's row goes and the refilling one's stays
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            limiter.removeExpired();
            assertThat(bucketRows(RateLimit.REQUESTS_PER_KEY, key)).isZero();
        });
        assertThat(bucketRows(RateLimit.REGISTRATIONS_PER_ADDRESS, address)).isOne();
    }

    private static long admitted(RateLimiter limiter, String key, int requests) {
        return IntStream.range(0, requests)
                .filter(i -> limiter.take(RateLimit.REQUESTS_PER_KEY, key).isEmpty())
                .count();
    }

    private int bucketRows(RateLimit limit, String subject) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM api.rate_limit_buckets WHERE id = ?", Integer.class, limit.bucketId(subject));
    }

    private TestUser register(String address) {
        MvcTestResult result = registration(address);
        assertThat(result).hasStatus(201);
        JsonNode body = json(result);
        return new TestUser(
                UUID.fromString(body.get("id").asString()), body.get("apiKey").asString());
    }

    private MvcTestResult registration(String address) {
        return mvc.post()
                .uri("/users")
                .with(from(address))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Rate " + address + "\"}")
                .exchange();
    }

    private MvcTestResult getAs(TestUser user, String uri, String address) {
        return mvc.get()
                .uri(uri)
                .with(from(address))
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .exchange();
    }

    private MvcTestResult anonymousGet(String uri, String address) {
        return mvc.get().uri(uri).with(from(address)).exchange();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static void assertTooManyRequests(MvcTestResult result, String limit, long maximum, String retryAfter) {
        assertProblem(result, 429);
        assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo(retryAfter);
        JsonNode problem = json(result);
        assertThat(problem.get("limit").asString()).isEqualTo(limit);
        assertThat(problem.get("maximum").asLong()).isEqualTo(maximum);
    }
}
