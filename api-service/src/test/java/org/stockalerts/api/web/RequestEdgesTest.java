package org.stockalerts.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests refused below Spring MVC (by Tomcat's decoding and normalisation of the request target,
 * or for want of any handler) answer problem details like every other error. They are written to a
 * socket as raw bytes, so no client normalises the path first.
 */
class RequestEdgesTest extends RawHttpTestSupport {

    /** Targets Tomcat refuses to decode (NUL, bad escapes, characters a target may not hold), or no route has. */
    static Stream<String> targets() {
        return Stream.of(
                "/stocks/%00%ff",
                "/stocks/%zz",
                "/stocks/{x}",
                "/stocks/a\"b",
                "//users",
                "/actuator/../users/x",
                "/users/..;/alerts",
                "/%2e%2e/users",
                "/no/such/path",
                "/error");
    }

    @ParameterizedTest
    @MethodSource("targets")
    void answersAnOddOrUnknownPathWithoutAKeyWithAProblemDetail(String target) throws IOException {
        // When a request for the target comes without an API key
        RawHttp.Response response = send("GET " + target + " HTTP/1.0\r\n\r\n");

        // Then it is refused with a 4xx problem detail that says nothing about the server
        RawHttp.assertProblem(response);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void answersAnOddOrUnknownPathWithAValidKeyWithAProblemDetail(String target) throws IOException {
        // Given a registered user's key
        String key = registerUser();

        // When the user asks for the target
        RawHttp.Response response = send("GET " + target + " HTTP/1.0\r\nAuthorization: Bearer " + key + "\r\n\r\n");

        // Then it is refused with a 4xx problem detail
        RawHttp.assertProblem(response);
    }

    @Test
    void answersAnUnknownPathWithAValidKeyWith404() throws IOException {
        // Given a registered user's key
        String key = registerUser();

        // When the user asks for a path no route has
        RawHttp.Response response = send("GET /no/such/path HTTP/1.0\r\nAuthorization: Bearer " + key + "\r\n\r\n");

        // Then the answer is a 404 problem detail
        assertThat(response.status()).isEqualTo(404);
        assertThat(RawHttp.json(response).get("title").asString()).isEqualTo("Not Found");
    }

    private String registerUser() throws IOException {
        return RawHttp.registerUser(port, "Edge").get("apiKey").asString();
    }

    private RawHttp.Response send(String request) throws IOException {
        return RawHttp.send(port, request);
    }
}
