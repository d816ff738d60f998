package org.stockalerts.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.stockalerts.testsupport.IntegrationTest;
import org.stockalerts.testsupport.WithServiceSchemas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused below Spring MVC (by Tomcat's decoding and normalisation of the request target,
 * or for want of any handler) answer problem details like every other error. They are written to a
 * socket as raw bytes, so no client normalises the path first.
 */
@IntegrationTest
// the rate limits stay on, but every case registers a user of its own from the one test address
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "stockalerts.api.rate-limits.registrations-per-hour=1000")
@WithServiceSchemas("persistence")
class RequestEdgesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

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
        RawResponse response = send("GET " + target + " HTTP/1.0\r\n\r\n");

        // Then it is refused with a 4xx problem detail that says nothing about the server
        assertProblem(response);
    }

    @ParameterizedTest
    @MethodSource("targets")
    void answersAnOddOrUnknownPathWithAValidKeyWithAProblemDetail(String target) throws IOException {
        // Given a registered user's key
        String key = registerUser();

        // When the user asks for the target
        RawResponse response = send("GET " + target + " HTTP/1.0\r\nAuthorization: Bearer " + key + "\r\n\r\n");

        // Then it is refused with a 4xx problem detail
        assertProblem(response);
    }

    @Test
    void answersAnUnknownPathWithAValidKeyWith404() throws IOException {
        // Given a registered user's key
        String key = registerUser();

        // When the user asks for a path no route has
        RawResponse response = send("GET /no/such/path HTTP/1.0\r\nAuthorization: Bearer " + key + "\r\n\r\n");

        // Then the answer is a 404 problem detail
        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response).get("title").asString()).isEqualTo("Not Found");
    }

    private String registerUser() throws IOException {
        String body = "{\"name\": \"Edge\"}";
        RawResponse response = send("POST /users HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body);
        assertThat(response.status()).isEqualTo(201);
        return json(response).get("apiKey").asString();
    }

    private static void assertProblem(RawResponse response) {
        assertThat(response.status()).as(response.text()).isBetween(400, 499);
        assertThat(response.headers().get("content-type"))
                .as(response.text())
                .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(response.status());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(response.headers()).doesNotContainKey("server");
        assertThat(response.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception", "\tat ");
    }

    private static JsonNode json(RawResponse response) {
        return JSON.readTree(response.body());
    }

    /** Writes the request as it is, with a Host header; HTTP/1.0 so the answer is not chunked and ends with the connection. */
    private RawResponse send(String request) throws IOException {
        String withHost = request.replaceFirst("\r\n", "\r\nHost: localhost\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(withHost.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return RawResponse.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record RawResponse(String text, int status, Map<String, String> headers, String body) {

        static RawResponse parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            return new RawResponse(text, status, headers, end < 0 ? "" : text.substring(end + 4));
        }
    }
}
