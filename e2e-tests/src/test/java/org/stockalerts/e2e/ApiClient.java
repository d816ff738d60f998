package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running api-service as the holder of an API key (null: anonymously). Public for module faults. */
@RequiredArgsConstructor
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;

    /** As {@link #call(String, String, String, String)}, with the request headers {@code headers} as well. */
    public JsonNode call(String method, String path, String apiKey, String body, Map<String, String> headers)
            throws Exception {
        HttpResponse<String> response = send(method, path, apiKey, body, headers);
        assertThat(response.statusCode())
                .as("%s %s answered %s", method, path, response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }

    /** The JSON answer of a request that must succeed (2xx). */
    public JsonNode call(String method, String path, String apiKey, String body) throws Exception {
        return call(method, path, apiKey, body, Map.of());
    }

    /** The answer, whatever its status. */
    public HttpResponse<String> send(String method, String path, String apiKey, String body) throws Exception {
        return send(method, path, apiKey, body, Map.of());
    }

    private HttpResponse<String> send(
            String method, String path, String apiKey, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
