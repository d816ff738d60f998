package org.stockalerts.api.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stockalerts.api.web.RawHttp;
import org.stockalerts.api.web.RawHttpTestSupport;
import tools.jackson.databind.JsonNode;

/**
 * API2 (broken authentication) and API4 (unrestricted resource consumption) below any HTTP client:
 * paths a client would normalise, odd and duplicated credentials, and bodies over the size limit, all
 * written to the socket as raw bytes. Each is refused with a 4xx problem detail; none is served.
 */
class RawHttpAttacksTest extends RawHttpTestSupport {

    private String ownerName;
    private UUID owner;
    private String ownerKey;
    private String otherKey;

    @BeforeEach
    void registerOwnerAndOther() throws IOException {
        ownerName = "Owner-" + UUID.randomUUID();
        JsonNode registered = RawHttp.registerUser(port, ownerName);
        owner = UUID.fromString(registered.get("id").asString());
        ownerKey = registered.get("apiKey").asString();
        otherKey = RawHttp.registerUser(port, "Other").get("apiKey").asString();
    }

    /** Spellings of the owner's {@code /users/{id}} that try to pass as a public route or dodge a route's check. */
    static Stream<String> disguisedTargets() {
        return Stream.of(
                "/actuator/../users/{id}",
                "/actuator/..;/users/{id}",
                "/actuator/%2e%2e/users/{id}",
                "/actuator/%2E%2E/users/{id}",
                "/actuator/.%2e/users/{id}",
                "/actuator/health/../../users/{id}",
                "/v3/api-docs/../../users/{id}",
                "/v3/api-docs/..;/..;/users/{id}",
                "/swagger-ui/..;/users/{id}",
                "/swagger-ui.html/../users/{id}",
                "//users/{id}",
                "/./users/{id}",
                "/users/./{id}",
                "/users/{id}/",
                "/users/{id}/.",
                "/users/{id};jsessionid=0123456789ABCDEF",
                "/users;jsessionid=0123456789ABCDEF/{id}",
                "/users/{id}%2f",
                "/users/{id}%3b",
                "/USERS/{id}",
                "/users/{ID}");
    }

    @ParameterizedTest
    @MethodSource("disguisedTargets")
    void refusesADisguisedPathWithoutAKey(String target) throws IOException {
        assertRefused(get(target, ""));
    }

    @ParameterizedTest
    @MethodSource("disguisedTargets")
    void refusesADisguisedPathToSomeoneElse(String target) throws IOException {
        assertRefused(get(target, "Authorization: Bearer " + otherKey + "\r\n"));
    }

    /** Credentials that are not exactly one {@code Authorization: Bearer <key>} with the owner's key. */
    static Stream<String> oddCredentials() {
        return Stream.of(
                "X-API-Key: {key}\r\n",
                "Authorization: {key}\r\n",
                "Authorization: Basic {basic}\r\n",
                "Authorization: Token {key}\r\n",
                "Authorization: Bearer\r\n",
                "Authorization: Bearer \r\n",
                "Authorization: Bearer \t \r\n",
                "Authorization:\r\n",
                "Authorization: Bearer {key} x\r\n",
                "Authorization: Bearer {key},\r\n",
                "Authorization: Bearer {key}\tx\r\n",
                "Authorization: Bearer {KEY}\r\n",
                "Authorization: Bearer {prefix}\r\n",
                "Authorization: BearerX {key}\r\n",
                "Authorization: Bearer {other}\r\nAuthorization: Bearer {key}\r\n",
                "Authorization: Bearer {key}\r\nAuthorization: Bearer {other}\r\n",
                "Authorization: Bearer {key}\r\nAuthorization: Bearer {key}\r\n",
                "Authorization: Bearer {key}, Bearer {other}\r\n");
    }

    @ParameterizedTest
    @MethodSource("oddCredentials")
    void refusesOddOrDuplicatedCredentials(String headers) throws IOException {
        String filled = headers.replace("{key}", ownerKey)
                .replace("{KEY}", ownerKey.toUpperCase(Locale.ROOT))
                .replace("{prefix}", ownerKey.substring(0, 8))
                .replace("{other}", otherKey)
                .replace(
                        "{basic}",
                        Base64.getEncoder().encodeToString((ownerKey + ":").getBytes(StandardCharsets.UTF_8)));

        assertRefused(get("/users/{id}", filled));
    }

    @Test
    void readsTheSchemeNameInAnyCaseAsRfc9110SaysButStillOnlyTheKeyDecides() throws IOException {
        // "bearer" is the same scheme as "Bearer" (the scheme is a case-insensitive token): no bypass,
        // since the key alone decides who the caller is
        assertThat(get("/users/{id}", "authorization: bearer " + ownerKey + "\r\n")
                        .status())
                .isEqualTo(200);
        assertRefused(get("/users/{id}", "authorization: bearer " + otherKey + "\r\n"));
        assertRefused(get("/users/{id}", "authorization: BEARER " + ownerKey.toUpperCase(Locale.ROOT) + "\r\n"));
    }

    @Test
    void refusesABodyOneByteOverTheLimit() throws IOException {
        String body = "{\"name\": \"" + "n".repeat(64 * 1024 + 1 - 12) + "\"}";
        assertThat(body).hasSize(64 * 1024 + 1);

        RawHttp.Response response = send("PATCH /users/{id} HTTP/1.0\r\nAuthorization: Bearer {key}\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);

        RawHttp.assertProblem(response);
        assertThat(response.status()).isEqualTo(413);
    }

    @ParameterizedTest
    @MethodSource("transferEncodings")
    void refusesAChunkedBodyWhateverItsLength(String transferEncoding, int status) throws IOException {
        String body = "{\"name\": \"" + "n".repeat(64 * 1024) + "\"}";
        String chunk = Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";

        RawHttp.Response response = send("PATCH /users/{id} HTTP/1.1\r\nAuthorization: Bearer {key}\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: " + transferEncoding
                + "\r\n\r\n" + chunk);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(getOwnerName()).isEqualTo(ownerName);
    }

    /** Chunked bodies are refused by the size limit; codings Tomcat does not implement get RFC 9112's 501. */
    static Stream<Arguments> transferEncodings() {
        return Stream.of(
                Arguments.of("chunked", 413),
                Arguments.of("Chunked", 413),
                Arguments.of("CHUNKED", 413),
                Arguments.of("identity, chunked", 501),
                Arguments.of("gzip, chunked", 501));
    }

    @Test
    void refusesABodyLongerThanItsContentLengthWithoutReadingTheRest() throws IOException {
        String body = "{\"name\": \"" + "n".repeat(70_000) + "\"}";

        RawHttp.Response response = send("PATCH /users/{id} HTTP/1.0\r\nAuthorization: Bearer {key}\r\n"
                + "Content-Type: application/json\r\nContent-Length: 20\r\n\r\n" + body);

        RawHttp.assertProblem(response);
        assertThat(getOwnerName()).isEqualTo(ownerName);
    }

    private String getOwnerName() throws IOException {
        RawHttp.Response response = get("/users/{id}", "Authorization: Bearer " + ownerKey + "\r\n");
        assertThat(response.status()).isEqualTo(200);
        return RawHttp.json(response).get("name").asString();
    }

    private void assertRefused(RawHttp.Response response) {
        RawHttp.assertProblem(response);
        assertThat(response.body()).doesNotContain(ownerName);
    }

    private RawHttp.Response get(String target, String headers) throws IOException {
        return send("GET " + target + " HTTP/1.0\r\n" + headers + "\r\n");
    }

    private RawHttp.Response send(String request) throws IOException {
        return RawHttp.send(
                port,
                request.replace("{id}", owner.toString())
                        .replace("{ID}", owner.toString().toUpperCase(Locale.ROOT))
                        .replace("{key}", ownerKey));
    }
}
