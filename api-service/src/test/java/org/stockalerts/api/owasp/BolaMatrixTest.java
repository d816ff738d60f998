package org.stockalerts.api.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * API1 (broken object level authorization), API2 (broken authentication) and API5 (broken function
 * level authorization): every operation of the OpenAPI description, called by five principals on the
 * owner's resources. An operation this table does not classify fails the build, so a new route cannot
 * ship without saying who may call it.
 */
class BolaMatrixTest extends OwaspTestSupport {

    /** Who may call an operation. */
    enum Access {
        /** No key needed; every principal gets the owner's answer. */
        PUBLIC,
        /** Names the owner's resources (path, query or body): only the owner; everyone else a 404. */
        OWNED,
        /** Acts on the caller's own data without naming it: others get their own, never the owner's. */
        CALLER_SCOPED,
        /** Any valid key, the same answer for every user. */
        ANY_KEY,
        /** The operator's: the admin key only; every user key, the owner's too, gets a 403. */
        ADMIN
    }

    /**
     * How an operation is called: its target and body with placeholders ({@code {owner}},
     * {@code {portfolio}}, {@code {symbol}}, {@code {fresh}} an unused symbol, {@code {rule}},
     * {@code {channel}}, {@code {alert}}, {@code {key}} a fresh spare key of the owner, {@code {soon}} a day from now), the owner's and the admin key's status, and why, where the
     * access is not the owner's alone.
     */
    record Route(Access access, String target, String body, int owner, int admin, String reason) {}

    /** operation | access | target | body ({@code -}: none) | owner's status | admin key's status | reason */
    private static final String TABLE = """
            POST /users | PUBLIC | /users | {"name": "Newcomer"} | 201 | 201 | registration is how a caller gets a key
            GET /users | CALLER_SCOPED | /users | - | 200 | 200 | the admin key lists everyone, a user only themself
            GET /users/{id} | OWNED | /users/{owner} | - | 200 | 404
            PATCH /users/{id} | OWNED | /users/{owner} | {"name": "Renamed"} | 200 | 404
            DELETE /users/{id} | OWNED | /users/{owner} | - | 204 | 404
            GET /users/{id}/portfolio | OWNED | /users/{owner}/portfolio | - | 200 | 404
            POST /users/{id}/portfolio | OWNED | /users/{owner}/portfolio | {"name": "Renamed"} | 200 | 404
            POST /portfolio | OWNED | /portfolio | {"userId": "{owner}", "name": "Renamed"} | 200 | 404
            GET /portfolio/{id} | OWNED | /portfolio/{portfolio} | - | 200 | 404
            POST /portfolio/{id}/stocks | OWNED | /portfolio/{portfolio}/stocks | {"symbol": "{fresh}", "quantity": 1, "averageCost": 5} | 201 | 404
            GET /portfolio/{id}/stocks | OWNED | /portfolio/{portfolio}/stocks | - | 200 | 404
            PUT /portfolio/{id}/stocks/{symbol} | OWNED | /portfolio/{portfolio}/stocks/{symbol} | {"quantity": 2, "averageCost": 10} | 200 | 404
            DELETE /portfolio/{id}/stocks/{symbol} | OWNED | /portfolio/{portfolio}/stocks/{symbol} | - | 204 | 404
            POST /alerts | OWNED | /alerts | {"userId": "{owner}", "symbol": "{symbol}", "threshold": 120} | 201 | 404
            GET /alerts | OWNED | /alerts?userId={owner} | - | 200 | 404
            GET /alerts/{id} | OWNED | /alerts/{rule} | - | 200 | 404
            PUT /alerts/{id} | OWNED | /alerts/{rule} | {"symbol": "{symbol}", "threshold": 150} | 200 | 404
            PATCH /alerts/{id} | OWNED | /alerts/{rule} | {"threshold": 160} | 200 | 404
            POST /alerts/{id}/pause | OWNED | /alerts/{rule}/pause | - | 200 | 404
            POST /alerts/{id}/resume | OWNED | /alerts/{rule}/resume | - | 200 | 404
            POST /alerts/{id}/snooze | OWNED | /alerts/{rule}/snooze | {"until": "{soon}"} | 200 | 404
            DELETE /alerts/{id}/snooze | OWNED | /alerts/{rule}/snooze | - | 200 | 404
            GET /alerts/{id}/explain | OWNED | /alerts/{rule}/explain | - | 503 | 404 | the owner's; no alert engine runs in this test, so the owner gets the 503 that follows the ownership check
            POST /alerts/dry-run | OWNED | /alerts/dry-run | {"alertId": "{rule}", "from": "2026-01-01T00:00:00Z", "to": "2026-01-02T00:00:00Z"} | 200 | 404
            DELETE /alerts/{id} | OWNED | /alerts/{rule} | - | 204 | 404
            GET /alerts/{id}/deliveries | OWNED | /alerts/{alert}/deliveries | - | 200 | 404
            GET /users/{id}/alerts | OWNED | /users/{owner}/alerts | - | 200 | 404
            GET /users/{id}/alerts/stream | OWNED | /users/{owner}/alerts/stream | - | 200 | 404
            GET /users/{userId}/notices | OWNED | /users/{owner}/notices | - | 200 | 404
            GET /users/{userId}/preferences | OWNED | /users/{owner}/preferences | - | 200 | 404
            PUT /users/{userId}/preferences | OWNED | /users/{owner}/preferences | {"timeZone": "UTC"} | 200 | 404
            GET /users/{userId}/channels | OWNED | /users/{owner}/channels | - | 200 | 404
            POST /users/{userId}/channels | OWNED | /users/{owner}/channels | {"type": "EMAIL", "address": "n@example.com"} | 201 | 404
            PATCH /users/{userId}/channels/{channelId} | OWNED | /users/{owner}/channels/{channel} | {"enabled": false} | 200 | 404
            DELETE /users/{userId}/channels/{channelId} | OWNED | /users/{owner}/channels/{channel} | - | 204 | 404
            POST /users/{userId}/channels/{channelId}/secret/rotate | OWNED | /users/{owner}/channels/{channel}/secret/rotate | - | 200 | 404
            POST /users/{userId}/channels/{channelId}/test | OWNED | /users/{owner}/channels/{channel}/test | - | 503 | 404 | the owner's; no delivery service runs in this test, so the owner gets the 503 that follows the ownership check
            POST /users/{userId}/channels/{channelId}/reenable | OWNED | /users/{owner}/channels/{channel}/reenable | - | 202 | 404
            POST /users/{userId}/alerts/{alertId}/deliveries/{channelId}/replay | OWNED | /users/{owner}/alerts/{alert}/deliveries/{channel}/replay | - | 202 | 202 | the owner's; the admin key too, so an operator can re-send a user's failed delivery
            POST /users/{userId}/keys | OWNED | /users/{owner}/keys | {"name": "ci"} | 201 | 201 | the owner's; the admin key too, so an operator can replace a leaked key
            GET /users/{userId}/keys | OWNED | /users/{owner}/keys | - | 200 | 200 | the owner's; the admin key too, so an operator can find a leaked key
            DELETE /users/{userId}/keys/{keyId} | OWNED | /users/{owner}/keys/{key} | - | 204 | 204 | the owner's; the admin key too, so an operator can revoke a leaked key
            GET /stocks/{symbol} | ANY_KEY | /stocks/{symbol} | - | 200 | 200 | market data is everyone's
            GET /stocks/{symbol}/history | ANY_KEY | /stocks/{symbol}/history?interval=1h | - | 200 | 200 | market data is everyone's
            GET /stocks/{symbol}/analytics | ANY_KEY | /stocks/{symbol}/analytics | - | 200 | 200 | market data is everyone's
            POST /admin/dead-letters/{topic}/redrive | ADMIN | /admin/dead-letters/stock-prices.DLT/redrive | {"dryRun": true} | 403 | 200 | an operator's repair: republishes dead letters
            GET /stocks/{symbol}/stream | ANY_KEY | /stocks/{symbol}/stream | - | 200 | 404 | market data, but a stream is a user's
            """;

    static final Map<String, Route> ROUTES = parse(TABLE);

    /** The five principals, the owner last since the owner's call may delete the resource. */
    static final List<String> PRINCIPALS = List.of("no key", "revoked key", "other user", "admin key", "owner");

    @Test
    void classifiesEveryDocumentedOperation() {
        // When the operations of the running application's OpenAPI description are read
        TreeSet<String> documented = new TreeSet<>();
        operations().forEach(operation -> documented.add(operation.key()));

        // Then each has exactly one row in the matrix, and no row is left for a removed operation
        assertThat(documented)
                .as("operations without an access rule in BolaMatrixTest.ROUTES")
                .isSubsetOf(ROUTES.keySet());
        assertThat(ROUTES.keySet())
                .as("rows for operations the API no longer has")
                .isSubsetOf(documented);
    }

    @TestFactory
    Stream<DynamicTest> answersEveryPrincipalAsItsAccessRuleSays() {
        List<Operation> operations = operations();
        assertThat(operations.size() * PRINCIPALS.size())
                .as("cells of the matrix")
                .isEqualTo(ROUTES.size() * 5);
        return operations.stream()
                .filter(operation -> ROUTES.containsKey(operation.key()))
                .map(operation -> DynamicTest.dynamicTest(
                        operation.key(), () -> checkEveryPrincipal(operation.method(), ROUTES.get(operation.key()))));
    }

    private void checkEveryPrincipal(String method, Route route) {
        World world = world();
        // each principal's own target: a {key} is a fresh spare key, so one principal's revocation
        // leaves the next one something to revoke
        Supplier<String> target = () -> fill(route.target(), world);
        String body = route.body() == null ? null : fill(route.body(), world);
        SoftAssertions softly = new SoftAssertions();
        int anonymous = route.access() == Access.PUBLIC ? route.owner() : 401;

        expect(softly, "no key", call(method, target.get(), body, null), anonymous);
        expect(softly, "revoked key", call(method, target.get(), body, "Bearer " + world.revokedKey()), anonymous);
        MvcTestResult other = call(method, target.get(), body, world.other().bearer());
        switch (route.access()) {
            case OWNED -> expect(softly, "other user", other, 404);
            case ADMIN -> expect(softly, "other user", other, 403);
            case PUBLIC, ANY_KEY -> expect(softly, "other user", other, route.owner());
            case CALLER_SCOPED -> {
                expect(softly, "other user", other, route.owner());
                softly.assertThat(body(other))
                        .as("other user's answer")
                        .doesNotContain(world.owner().id().toString());
            }
        }
        expect(softly, "admin key", call(method, target.get(), body, ADMIN_BEARER), route.admin());
        expect(softly, "owner", call(method, target.get(), body, world.owner().bearer()), route.owner());
        softly.assertAll();
    }

    private static void expect(SoftAssertions softly, String principal, MvcTestResult result, int status) {
        int actual = result.getResponse().getStatus();
        softly.assertThat(actual).as("%s: %s", principal, body(result)).isEqualTo(status);
        if (actual >= 400) {
            softly.assertThat(result.getResponse().getContentType())
                    .as("%s gets a problem detail", principal)
                    .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        }
    }

    private static Map<String, Route> parse(String table) {
        Map<String, Route> routes = new TreeMap<>();
        table.lines().map(line -> line.split("\\|")).forEach(cells -> {
            String body = cells[3].strip();
            routes.put(
                    cells[0].strip(),
                    new Route(
                            Access.valueOf(cells[1].strip()),
                            cells[2].strip(),
                            body.equals("-") ? null : body,
                            Integer.parseInt(cells[4].strip()),
                            Integer.parseInt(cells[5].strip()),
                            cells.length > 6 ? cells[6].strip() : "the owner's resource"));
        });
        return routes;
    }

    static String fill(String template, World world) {
        List<String> pairs = new ArrayList<>(List.of(
                "{owner}", world.owner().id().toString(),
                "{portfolio}", world.portfolioId().toString(),
                "{symbol}", world.symbol(),
                "{fresh}", uniqueSymbol(),
                "{rule}", world.ruleId().toString(),
                "{channel}", world.channelId().toString(),
                "{alert}", world.alertId().toString(),
                "{soon}",
                        Instant.now()
                                .plus(Duration.ofDays(1))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString()));
        if (template.contains("{key}")) {
            pairs.addAll(List.of("{key}", world.spareKey().get().toString()));
        }
        String filled = template;
        for (int i = 0; i < pairs.size(); i += 2) {
            filled = filled.replace(pairs.get(i), pairs.get(i + 1));
        }
        return filled;
    }
}
