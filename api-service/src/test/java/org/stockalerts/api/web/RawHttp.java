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
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests written to a socket as raw bytes, so that no client normalises the path or the headers first. */
public final class RawHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RawHttp() {}

    /**
     * Writes {@code request} as it is, with a Host header after the request line, to the server on
     * {@code port}; use HTTP/1.0 so the answer is not chunked and ends with the connection.
     */
    public static Response send(int port, String request) throws IOException {
        String withHost = request.replaceFirst("\r\n", "\r\nHost: localhost\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(withHost.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return Response.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Registers a user named {@code name}; returns the answer, with {@code id} and {@code apiKey}. */
    public static JsonNode registerUser(int port, String name) throws IOException {
        String body = "{\"name\": \"" + name + "\"}";
        Response response = send(
                port,
                "POST /users HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    /** The body of {@code response} as JSON. */
    public static JsonNode json(Response response) {
        return JSON.readTree(response.body());
    }

    /** Asserts a 4xx RFC 9457 problem detail that says nothing about the server. */
    public static void assertProblem(Response response) {
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

    /** An answer: its full text, status, headers (names in lower case) and body. */
    public record Response(String text, int status, Map<String, String> headers, String body) {

        static Response parse(String text) {
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
            return new Response(text, status, headers, end < 0 ? "" : text.substring(end + 4));
        }
    }
}
