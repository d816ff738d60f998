package org.stockalerts.api.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.stockalerts.api.web.ApiIntegrationTestSupport;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;

/**
 * The principals and resources of the OWASP API Top 10 suite: an owner with one of every resource
 * (portfolio with a holding, rule, channel, fired alert), another user, the admin key, no key, and a
 * revoked key of the owner.
 */
// the routes read alert-consumer's delivery log and endpoint states, as they do in production: its tables exist
@WithServiceSchemas({"persistence", "alerting"})
abstract class OwaspTestSupport extends ApiIntegrationTestSupport {

    static final String ADMIN_BEARER = "Bearer " + ADMIN_KEY;

    /** An owner's resources, the other user, and the owner's revoked key. */
    record World(
            TestUser owner,
            TestUser other,
            String revokedKey,
            UUID portfolioId,
            String symbol,
            UUID ruleId,
            UUID channelId,
            UUID alertId,
            Supplier<UUID> spareKey) {}

    /** An operation of the OpenAPI description, e.g. {@code POST /alerts/{id}/pause}. */
    record Operation(String method, String path, JsonNode description) {

        String key() {
            return method + " " + path;
        }
    }

    World world() {
        TestUser owner = registerUser("Owner");
        TestUser other = registerUser("Other");
        String symbol = uniqueSymbol();
        storeTick(symbol, "10.50", 100L, "10.00", Instant.now());
        MvcTestResult portfolio = post(
                owner,
                "/users/" + owner.id() + "/portfolio",
                "{\"holdings\": [{\"symbol\": \"" + symbol + "\", \"quantity\": 1, \"averageCost\": 10}]}");
        MvcTestResult rule = post(owner, "/alerts", "{\"symbol\": \"" + symbol + "\", \"threshold\": 100}");
        MvcTestResult channel = post(
                owner,
                "/users/" + owner.id() + "/channels",
                "{\"type\": \"WEBHOOK\", \"address\": \"https://93.184.215.14/hooks/owasp\"}");
        assertThat(List.of(portfolio, rule, channel))
                .allSatisfy(created -> assertThat(created).hasStatus(201));
        return new World(
                owner,
                other,
                revokedKeyOf(owner),
                idOf(portfolio),
                symbol,
                idOf(rule),
                idOf(channel),
                storeFiredAlert(owner.id(), symbol).alertId(),
                () -> keyIdOf(createKey(owner)));
    }

    /** A second key of {@code owner}, shown to work, then revoked through the API. */
    private String revokedKeyOf(TestUser owner) {
        MvcTestResult created = createKey(owner);
        String key = json(created).get("apiKey").asString();
        assertThat(call("GET", "/users/" + owner.id(), null, "Bearer " + key)).hasStatus(200);
        assertThat(delete(owner, "/users/" + owner.id() + "/keys/" + keyIdOf(created)))
                .hasStatus(204);
        return key;
    }

    /** A new key of {@code owner}, created through the API. */
    private MvcTestResult createKey(TestUser owner) {
        MvcTestResult created = post(owner, "/users/" + owner.id() + "/keys", null);
        assertThat(created).hasStatus(201);
        return created;
    }

    /** Sends a request with {@code authorization} (null: none), without waiting for a stream to end. */
    MvcTestResult call(String method, String uri, String body, String authorization) {
        var request = mvc.method(HttpMethod.valueOf(method)).uri(uri);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.asyncExchange();
    }

    /** Every operation of the API's OpenAPI description, read from the running application. */
    List<Operation> operations() {
        JsonNode paths = json(mvc.get().uri("/v3/api-docs").exchange()).get("paths");
        List<Operation> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                if (HTTP_METHODS.contains(method)) {
                    operations.add(new Operation(
                            method.toUpperCase(Locale.ROOT),
                            path,
                            paths.get(path).get(method)));
                }
            }
        }
        return operations;
    }

    private static final List<String> HTTP_METHODS =
            List.of("get", "put", "post", "delete", "patch", "head", "options");

    private static UUID idOf(MvcTestResult created) {
        return UUID.fromString(json(created).get("id").asString());
    }

    private static UUID keyIdOf(MvcTestResult created) {
        return idOf(created);
    }
}
