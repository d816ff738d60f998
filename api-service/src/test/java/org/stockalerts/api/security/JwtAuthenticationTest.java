package org.stockalerts.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * JWT bearer tokens of a configured issuer, through the whole service on the real PostgreSQL: Spring Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*} settings name the issuer, its JWK set (served by {@link
 * TestIssuer} from a key generated here) and the audience. The rate limits are on, with a small per-user burst;
 * each test sends from an address of its own. The context of its own is closed afterwards.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.ISSUER,
            "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE,
            "stockalerts.api.rate-limits.enabled=true",
            "stockalerts.api.rate-limits.per-key-burst=" + JwtAuthenticationTest.BURST,
            "stockalerts.api.rate-limits.per-key-per-second=1",
            // a context of its own next to the suite's cached ones: few connections, for a shared PostgreSQL
            "spring.datasource.hikari.maximum-pool-size=4",
            "stockalerts.api.rate-limits.pool-size=2"
        })
class JwtAuthenticationTest extends ApiIntegrationTestSupport {

    static final int BURST = 8;

    private static final TestIssuer ISSUER = new TestIssuer();

    @DynamicPropertySource
    static void issuerKeys(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Autowired
    FederatedUsers federatedUsers;

    private final String address = "10.%d.%d.%d"
            .formatted(
                    ThreadLocalRandom.current().nextInt(1, 255),
                    ThreadLocalRandom.current().nextInt(1, 255),
                    ThreadLocalRandom.current().nextInt(1, 255));

    @Test
    void createsTheUserAtTheFirstSightOfASubjectAndKnowsThemByTheirNextToken() {
        // Given a subject the service has never seen
        String subject = "alice-" + UUID.randomUUID();

        // When they list users with a token, then with another token of theirs
        MvcTestResult first = send(ISSUER.token(subject, claims -> claims.claim("name", "Alice Example")), "/users");
        MvcTestResult second = send(ISSUER.token(subject), "/users");

        // Then the first token created their user, named by the token, and the second found the same user
        assertThat(first).hasStatusOk();
        JsonNode created = json(first).get("items").get(0);
        assertThat(json(first).get("items")).hasSize(1);
        assertThat(created.get("name").asString()).isEqualTo("Alice Example");
        assertThat(json(second).get("items").get(0).get("id").asString())
                .isEqualTo(created.get("id").asString());
        assertThat(jdbc.queryForList(
                        "SELECT user_id::text FROM api.user_identities WHERE issuer = ? AND subject = ?",
                        String.class,
                        TestIssuer.ISSUER,
                        subject))
                .containsExactly(created.get("id").asString());
    }

    @ParameterizedTest(name = "typ: {0}")
    @ValueSource(strings = {"at+jwt", "JWT"})
    void acceptsAccessTokensOfRfc9068AsWellAsPlainJwts(String typ) {
        // Given a valid token whose header names its type
        String token = ISSUER.tokenOfType("ivan-" + UUID.randomUUID(), typ);

        // When it is sent
        MvcTestResult result = send(token, "/users");

        // Then it is accepted
        assertThat(result).hasStatusOk();
    }

    @Test
    void refusesATokenOfAnotherType() {
        // Given a token valid but for its type, which makes it no access token (an ID token's would be JWT too)
        String subject = "judy-" + UUID.randomUUID();
        String token = ISSUER.tokenOfType(subject, "foo");

        // When it is sent
        MvcTestResult result = send(token, "/users");

        // Then it is refused for its type, and no user is created
        assertProblem(result, 401);
        assertThat(json(result).get("detail").asString()).contains("typ");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api.user_identities WHERE subject = ?", Long.class, subject))
                .isZero();
    }

    @Test
    void letsATokenUserUseTheApiAsAKeyUserDoesAndNoOneElsesData() {
        // Given a user known by their token, and another user with an API key
        String token = ISSUER.token("bob-" + UUID.randomUUID());
        UUID bob = UUID.fromString(
                json(send(token, "/users")).get("items").get(0).get("id").asString());
        TestUser carol = register("Carol");

        // When the token user renames themselves, creates an API key, uses it, and reads Carol's user
        MvcTestResult renamed = send(token, HttpMethod.PATCH, "/users/" + bob, "{\"name\": \"Bob Renamed\"}");
        MvcTestResult keyCreated = send(token, HttpMethod.POST, "/users/" + bob + "/keys", "{\"name\": \"cli\"}");
        String key = json(keyCreated).get("apiKey").asString();
        MvcTestResult readWithKey = send(key, HttpMethod.GET, "/users/" + bob, null);
        MvcTestResult readCarol = send(token, HttpMethod.GET, "/users/" + carol.id(), null);

        // Then their own routes answer as for any user, and Carol's user is not found for them
        assertThat(renamed).hasStatusOk();
        assertThat(keyCreated).hasStatus(201);
        assertThat(readWithKey).hasStatusOk();
        assertThat(json(readWithKey).get("name").asString()).isEqualTo("Bob Renamed");
        assertProblem(readCarol, 404);
        assertThat(body(readCarol)).doesNotContain("Carol");
    }

    @Test
    void keepsApiKeysWorkingAlongsideTokens() {
        // Given a user registered with an API key
        TestUser dave = register("Dave");

        // When they read their user with the key, and someone sends a key nobody was given
        MvcTestResult withKey = send(dave.apiKey(), HttpMethod.GET, "/users/" + dave.id(), null);
        MvcTestResult unknownKey = send("sa_not-a-real-key", HttpMethod.GET, "/users/" + dave.id(), null);

        // Then the key works and the unknown key gets the API key's 401
        assertThat(withKey).hasStatusOk();
        assertProblem(unknownKey, 401);
        assertThat(unknownKey.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer");
    }

    static Stream<Arguments> refusedTokens() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return Stream.of(
                Arguments.of(
                        "expired",
                        (Function<String, String>) subject -> ISSUER.token(
                                subject,
                                claims -> claims.issueTime(Date.from(past.minus(Duration.ofMinutes(5))))
                                        .expirationTime(Date.from(past))),
                        "expired"),
                Arguments.of(
                        "of another issuer",
                        (Function<String, String>)
                                subject -> ISSUER.token(subject, claims -> claims.issuer("https://elsewhere.test")),
                        "iss"),
                Arguments.of(
                        "for another audience",
                        (Function<String, String>)
                                subject -> ISSUER.token(subject, claims -> claims.audience("another-api")),
                        "aud"),
                Arguments.of(
                        "signed with a key the issuer does not publish",
                        (Function<String, String>) ISSUER::forgedToken,
                        "signature"),
                Arguments.of("unsigned (alg none)", (Function<String, String>) TestIssuer::unsignedToken, "algorithm"),
                Arguments.of(
                        "without the user claim",
                        (Function<String, String>) subject -> ISSUER.token(null),
                        "sub claim"),
                Arguments.of("malformed", (Function<String, String>) subject -> "eyJhbGciOi.not-a.token", "form"));
    }

    @ParameterizedTest(name = "a token {0}")
    @MethodSource("refusedTokens")
    void refusesAnInvalidTokenWithA401ProblemDetailAndCreatesNoUser(
            String description, Function<String, String> tokenFor, String reason) {
        // Given an invalid token for a subject never seen
        String subject = "mallory-" + UUID.randomUUID();

        // When it is sent
        MvcTestResult result = send(tokenFor.apply(subject), "/users");

        // Then it is refused with a 401 problem detail and a challenge naming the reason, and no user is created
        assertProblem(result, 401);
        assertThat(json(result).get("detail").asString())
                .startsWith("the bearer token is refused: ")
                .contains(reason);
        assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Bearer error=\"invalid_token\", error_description=\"")
                .contains(reason);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM api.user_identities WHERE subject = ?", Long.class, subject))
                .isZero();
    }

    @Test
    void rateLimitsATokenUserAsAKeyUser() {
        // Given a user known by their token
        String token = ISSUER.token("erin-" + UUID.randomUUID());

        // When they send twice their burst at once
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 2 * BURST; i++) {
            statuses.add(send(token, "/users").getResponse().getStatus());
        }

        // Then the user's bucket refuses some with 429
        assertThat(statuses).contains(200, 429);
    }

    @Test
    void keepsTheSameSubjectOfTwoIssuersApart() {
        // Given one subject named by two issuers
        String subject = "shared-" + UUID.randomUUID();

        // When each identity's user is asked for, twice
        UUID ofFirst = federatedUsers.userOf(new FederatedIdentity("https://one.test", subject, "One"));
        UUID ofSecond = federatedUsers.userOf(new FederatedIdentity("https://two.test", subject, "Two"));
        UUID ofFirstAgain = federatedUsers.userOf(new FederatedIdentity("https://one.test", subject, "One"));

        // Then they are two users, each found again
        assertThat(ofFirst).isNotEqualTo(ofSecond);
        assertThat(ofFirstAgain).isEqualTo(ofFirst);
    }

    @Test
    void createsOneUserWhenFirstRequestsOfASubjectRaceEachOther() throws Exception {
        // Given a subject never seen and eight requests ready to meet it at once
        String name = "Racer " + UUID.randomUUID();
        FederatedIdentity identity = new FederatedIdentity(TestIssuer.ISSUER, "racer-" + UUID.randomUUID(), name);
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UUID>> users = new ArrayList<>();

        // When they all ask for its user together
        try (ExecutorService threads = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                users.add(threads.submit(() -> {
                    start.await();
                    return federatedUsers.userOf(identity);
                }));
            }
            start.countDown();
        }

        // Then all get the same user, the only one created
        Set<UUID> distinct = users.stream().map(JwtAuthenticationTest::result).collect(Collectors.toSet());
        assertThat(distinct).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api.users WHERE name = ?", Long.class, name))
                .isEqualTo(1);
    }

    private static UUID result(Future<UUID> user) {
        try {
            return user.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private TestUser register(String name) {
        MvcTestResult result = mvc.post()
                .uri("/users")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\"}")
                .exchange();
        assertThat(result).hasStatus(201);
        return new TestUser(
                UUID.fromString(json(result).get("id").asString()),
                json(result).get("apiKey").asString());
    }

    private MvcTestResult send(String credential, String uri) {
        return send(credential, HttpMethod.GET, uri, null);
    }

    private MvcTestResult send(String credential, HttpMethod method, String uri, String body) {
        var request = mvc.method(method)
                .uri(uri)
                .with(sent -> {
                    sent.setRemoteAddr(address);
                    return sent;
                })
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + credential);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }
}
