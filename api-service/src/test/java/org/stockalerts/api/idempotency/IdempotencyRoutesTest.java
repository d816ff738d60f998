package org.stockalerts.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.testsupport.MutableClock;
import tools.jackson.databind.JsonNode;

/**
 * The {@code Idempotency-Key} header on the create routes, on the real PostgreSQL, with a clock the
 * test moves to expire keys. The context of its own (the clock) is closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(IdempotencyRoutesTest.MovableClock.class)
// once moved, the clock would date the feed's ticks a day ahead for every context on the broker
@TestPropertySource(properties = "stockalerts.marketdata.enabled=false")
class IdempotencyRoutesTest extends ApiIntegrationTestSupport {

    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        @Primary
        MutableClock movableClock() {
            return CLOCK;
        }
    }

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ExpiredAnswersCleanup cleanup;

    @Test
    void replaysTheFirstAnswerToARetryAndCreatesNoSecondRule() {
        // Given a rule created with a key
        TestUser alice = registerUser("Alice");
        String rule = rule(uniqueSymbol(), 100);
        MvcTestResult first = postWithKey(alice, "/alerts", "retry-1", rule);
        assertThat(first).hasStatus(201);
        assertThat(first.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isNull();

        // When the client retries it with the same key and body
        MvcTestResult retry = postWithKey(alice, "/alerts", "retry-1", rule);

        // Then the first answer comes again, marked as a replay, and she has one rule
        assertThat(retry).hasStatus(201);
        assertThat(retry.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(retry.getResponse().getHeader(HttpHeaders.LOCATION))
                .isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(retry.getResponse().getContentType())
                .isEqualTo(first.getResponse().getContentType());
        assertThat(body(retry)).isEqualTo(body(first));
        assertThat(rulesOf(alice)).isEqualTo(1);
    }

    @Test
    void acceptsTheKeyAsAStructuredFieldStringAsTheDraftWritesIt() {
        // Given a rule created with a bare key
        TestUser alice = registerUser("Alice");
        String rule = rule(uniqueSymbol(), 100);
        MvcTestResult first = postWithKey(alice, "/alerts", "sf-key", rule);

        // When it is retried with the key quoted
        MvcTestResult retry = postWithKey(alice, "/alerts", "\"sf-key\"", rule);

        // Then it is the same key
        assertThat(retry.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(json(retry).get("id")).isEqualTo(json(first).get("id"));
        assertThat(rulesOf(alice)).isEqualTo(1);
    }

    @Test
    void aRetriedPurchaseIsNotBoughtTwice() {
        // Given a purchase of one share sent with a key
        TestUser alice = registerUser("Alice");
        UUID portfolio = portfolioOf(alice);
        String purchase = "{\"symbol\": \"" + uniqueSymbol() + "\", \"quantity\": 1, \"averageCost\": 10}";
        assertThat(postWithKey(alice, "/portfolio/" + portfolio + "/stocks", "buy-1", purchase))
                .hasStatus(201);

        // When it is retried, then the answer is replayed and she still holds one share
        MvcTestResult retry = postWithKey(alice, "/portfolio/" + portfolio + "/stocks", "buy-1", purchase);
        assertThat(retry.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        JsonNode holdings = json(get(alice, "/portfolio/" + portfolio + "/stocks"));
        assertThat(holdings).hasSize(1);
        assertThat(holdings.get(0).get("quantity").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void aRetriedWebhookChannelGetsItsSecretAgainAndIsAddedOnce() {
        // Given a webhook channel added with a key
        TestUser alice = registerUser("Alice");
        String channels = "/users/" + alice.id() + "/channels";
        String webhook =
                "{\"type\": \"WEBHOOK\", \"address\": \"https://93.184.215.14/hooks/" + UUID.randomUUID() + "\"}";
        MvcTestResult first = postWithKey(alice, channels, "hook-1", webhook);
        assertThat(first).hasStatus(201);

        // When it is retried, then the same channel and secret come back, and there is one channel
        MvcTestResult retry = postWithKey(alice, channels, "hook-1", webhook);
        assertThat(retry).hasStatus(201);
        String secret = json(first).get("secret").asString();
        assertThat(json(retry).get("secret").asString()).isEqualTo(secret);
        assertThat(json(get(alice, channels))).hasSize(1);
        // And the stored answer does not show the secret
        byte[] stored = jdbc.queryForObject(
                "SELECT body FROM api.idempotency_keys WHERE user_id = ?", byte[].class, alice.id());
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void refusesTheSameKeyWithAnotherBodyOrOnAnotherRoute() {
        // Given a rule created with a key
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        assertThat(postWithKey(alice, "/alerts", "reused", rule(symbol, 100))).hasStatus(201);

        // When the key comes with another body, or on another create route
        MvcTestResult otherBody = postWithKey(alice, "/alerts", "reused", rule(symbol, 101));
        MvcTestResult otherRoute = postWithKey(alice, "/portfolio", "reused", "{\"name\": \"Mine\"}");

        // Then both are refused with 422 and nothing more is created
        assertProblem(otherBody, 422);
        assertProblem(otherRoute, 422);
        assertThat(rulesOf(alice)).isEqualTo(1);
        assertThat(get(alice, "/users/" + alice.id() + "/portfolio")).hasStatus(404);
    }

    @Test
    void keysOfDifferentUsersAreIndependent() {
        // Given Alice created a rule with a key
        TestUser alice = registerUser("Alice");
        TestUser bob = registerUser("Bob");
        String rule = rule(uniqueSymbol(), 100);
        MvcTestResult hers = postWithKey(alice, "/alerts", "shared-key", rule);

        // When Bob sends the same key and body
        MvcTestResult his = postWithKey(bob, "/alerts", "shared-key", rule);

        // Then he gets a rule of his own, not a replay of hers
        assertThat(his).hasStatus(201);
        assertThat(his.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(json(his).get("id")).isNotEqualTo(json(hers).get("id"));
        assertThat(rulesOf(alice)).isEqualTo(1);
        assertThat(rulesOf(bob)).isEqualTo(1);
    }

    @Test
    void aRequestWhoseFirstAttemptIsStillRunningGets409() throws Exception {
        // Given a first request with a key held up inside its transaction by a lock on the user's row
        TestUser alice = registerUser("Alice");
        String rule = rule(uniqueSymbol(), 100);
        CompletableFuture<MvcTestResult> first;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT 1 FROM api.users WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, alice.id());
                lock.executeQuery();
            }
            first = CompletableFuture.supplyAsync(() -> postWithKey(alice, "/alerts", "in-flight", rule));
            awaitWaitingOnTheUserRow();

            // When the retry arrives while it runs, then it is refused with 409
            assertProblem(postWithKey(alice, "/alerts", "in-flight", rule), 409);
            blocker.rollback();
        }

        // And once the first has finished, a retry gets its answer, and there is one rule
        assertThat(first.join()).hasStatus(201);
        MvcTestResult retry = postWithKey(alice, "/alerts", "in-flight", rule);
        assertThat(retry.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isEqualTo("true");
        assertThat(json(retry).get("id")).isEqualTo(json(first.join()).get("id"));
        assertThat(rulesOf(alice)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneRule() {
        // Given four requests with the same key and body, sent at once
        TestUser alice = registerUser("Alice");
        String rule = rule(uniqueSymbol(), 100);
        CyclicBarrier start = new CyclicBarrier(4);
        List<MvcTestResult> results = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return postWithKey(alice, "/alerts", "raced", rule);
                }))
                .toList()
                .stream()
                .map(CompletableFuture::join)
                .toList();

        // Then one rule exists; every answer is its creation (first or replayed) or a 409
        assertThat(rulesOf(alice)).isEqualTo(1);
        List<MvcTestResult> created = results.stream()
                .filter(result -> result.getResponse().getStatus() == 201)
                .toList();
        assertThat(created).isNotEmpty();
        assertThat(created.stream().map(result -> json(result).get("id")).distinct())
                .hasSize(1);
        assertThat(created.stream()
                        .filter(result -> result.getResponse().getHeader(IdempotencyFilter.REPLAYED) == null))
                .hasSize(1);
        assertThat(results)
                .allSatisfy(
                        result -> assertThat(result.getResponse().getStatus()).isIn(201, 409));
    }

    @Test
    void anExpiredKeyStartsANewRequestAndTheCleanupDeletesIt() {
        // Given a rule created with a key
        TestUser alice = registerUser("Alice");
        String rule = rule(uniqueSymbol(), 100);
        MvcTestResult first = postWithKey(alice, "/alerts", "expiring", rule);

        // When the key's 24 hours have passed, then the cleanup deletes it
        CLOCK.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(cleanup.deleteExpired()).isPositive();
        assertThat(storedKeysOf(alice)).isZero();

        // And the same request with the key creates a second rule
        MvcTestResult later = postWithKey(alice, "/alerts", "expiring", rule);
        assertThat(later).hasStatus(201);
        assertThat(later.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(json(later).get("id")).isNotEqualTo(json(first).get("id"));
        assertThat(rulesOf(alice)).isEqualTo(2);
        assertThat(storedKeysOf(alice)).isOne();
    }

    @Test
    void anExpiredKeyNotYetCleanedUpIsNotReplayed() {
        // Given a rule created with a key whose time has passed before any cleanup ran
        TestUser alice = registerUser("Alice");
        String rule = rule(uniqueSymbol(), 100);
        postWithKey(alice, "/alerts", "stale", rule);
        CLOCK.advance(Duration.ofHours(25));

        // When the same request comes again, then it is a new creation that takes the key over
        MvcTestResult later = postWithKey(alice, "/alerts", "stale", rule);
        assertThat(later.getResponse().getHeader(IdempotencyFilter.REPLAYED)).isNull();
        assertThat(rulesOf(alice)).isEqualTo(2);
        assertThat(postWithKey(alice, "/alerts", "stale", rule).getResponse().getHeader(IdempotencyFilter.REPLAYED))
                .isEqualTo("true");
    }

    @Test
    void aRefusedRequestDoesNotSpendItsKey() {
        // Given a rule refused for a missing threshold
        TestUser alice = registerUser("Alice");
        String symbol = uniqueSymbol();
        MvcTestResult refused = postWithKey(alice, "/alerts", "fix-and-retry", "{\"symbol\": \"" + symbol + "\"}");
        assertThat(refused.getResponse().getStatus()).isBetween(400, 499);

        // When the client fixes the body and retries with the same key, then it is created
        assertThat(postWithKey(alice, "/alerts", "fix-and-retry", rule(symbol, 100)))
                .hasStatus(201);
        assertThat(rulesOf(alice)).isEqualTo(1);
    }

    @Test
    void refusesAnInvalidKeyWith400() {
        // Given a user
        TestUser alice = registerUser("Alice");
        String rule = rule(uniqueSymbol(), 100);

        // When keys that are empty, too long, not printable ASCII or a broken quoted string are sent
        for (String key : List.of("", "k".repeat(256), "clé", "tab\there", "\"un\"closed\"")) {
            // Then each is refused with 400 and nothing is created
            assertProblem(postWithKey(alice, "/alerts", key, rule), 400);
        }
        assertThat(rulesOf(alice)).isZero();
        // And the longest allowed key works
        assertThat(postWithKey(alice, "/alerts", "k".repeat(255), rule)).hasStatus(201);
    }

    @Test
    void documentsTheHeaderOnEveryCreateRoute() {
        // When the OpenAPI description is read
        JsonNode paths = json(mvc.get().uri("/v3/api-docs").exchange()).get("paths");

        // Then each create route names the header, and other routes do not
        for (String path : List.of(
                "/alerts",
                "/portfolio",
                "/users/{id}/portfolio",
                "/portfolio/{id}/stocks",
                "/users/{userId}/channels",
                "/users/{userId}/channels/{channelId}/secret/rotate")) {
            assertThat(paths.get(path).get("post").path("parameters").findValuesAsString("name"))
                    .as(path)
                    .contains(IdempotencyKey.HEADER);
        }
        assertThat(paths.get("/alerts/{id}/pause")
                        .get("post")
                        .path("parameters")
                        .findValuesAsString("name"))
                .doesNotContain(IdempotencyKey.HEADER);
    }

    private MvcTestResult postWithKey(TestUser user, String uri, String key, String body) {
        return mvc.post()
                .uri(uri)
                .header(HttpHeaders.AUTHORIZATION, user.bearer())
                .header(IdempotencyKey.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private long rulesOf(TestUser user) {
        return jdbc.queryForObject("SELECT count(*) FROM api.alert_rules WHERE user_id = ?", Long.class, user.id());
    }

    private long storedKeysOf(TestUser user) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM api.idempotency_keys WHERE user_id = ?", Long.class, user.id());
    }

    private UUID portfolioOf(TestUser user) {
        return UUID.fromString(json(post(user, "/users/" + user.id() + "/portfolio", null))
                .get("id")
                .asString());
    }

    /** Waits until a session of the test database waits for a row lock: the first request, at the user's row. */
    private void awaitWaitingOnTheUserRow() {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                        + " AND wait_event_type = 'Lock'",
                                Long.class)
                        > 0);
    }

    private static String rule(String symbol, int threshold) {
        return "{\"symbol\": \"" + symbol + "\", \"threshold\": " + threshold + "}";
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
