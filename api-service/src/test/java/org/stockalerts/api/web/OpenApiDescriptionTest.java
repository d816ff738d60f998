package org.stockalerts.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDescriptionTest extends ApiIntegrationTestSupport {

    /** The operations of the users, portfolio, alert rule, fired alert and channel routes that carry a body. */
    private static final List<String> OPERATIONS = List.of(
            "post /users",
            "get /users",
            "get /users/{id}",
            "patch /users/{id}",
            "get /users/{id}/portfolio",
            "post /users/{id}/portfolio",
            "post /portfolio",
            "get /portfolio/{id}",
            "post /portfolio/{id}/stocks",
            "get /portfolio/{id}/stocks",
            "put /portfolio/{id}/stocks/{symbol}",
            "post /alerts",
            "get /alerts",
            "get /alerts/{id}",
            "put /alerts/{id}",
            "patch /alerts/{id}",
            "post /alerts/{id}/pause",
            "post /alerts/{id}/resume",
            "get /users/{id}/alerts",
            "get /users/{userId}/channels",
            "post /users/{userId}/channels",
            "patch /users/{userId}/channels/{channelId}",
            "post /users/{userId}/channels/{channelId}/secret/rotate");

    @Test
    void describesEveryOperationWithAnExampleAndTheBearerKey() {
        // When the OpenAPI description is read
        JsonNode api = json(mvc.get().uri("/v3/api-docs").exchange());

        // Then every operation with a body in or out shows an example of it, and the API key is a bearer scheme
        List<String> withoutExample = new ArrayList<>();
        for (String operation : OPERATIONS) {
            String[] methodAndPath = operation.split(" ");
            JsonNode described = api.path("paths").path(methodAndPath[1]).path(methodAndPath[0]);
            if (described.isMissingNode() || !hasExample(described)) {
                withoutExample.add(operation);
            }
            assertThat(described.path("parameters").findValuesAsString("name"))
                    .as("parameters of %s", operation)
                    .doesNotContain("caller");
        }
        assertThat(withoutExample).isEmpty();
        assertThat(api.get("components")
                        .get("securitySchemes")
                        .get("apiKey")
                        .get("scheme")
                        .asString())
                .isEqualTo("bearer");
    }

    @Test
    void everyOperationThatAnswersWithABodyShowsAnExampleOfIt() {
        // When the OpenAPI description is read
        JsonNode api = json(mvc.get().uri("/v3/api-docs").exchange());

        // Then every operation of every route whose success answers with a body (JSON or a live stream) has an
        // example of it; only those whose success is 202, 204 or a redirect, with no body, have none
        List<String> withoutExample = new ArrayList<>();
        api.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    if (answersWithABody(method.getValue()) && !hasExample(method.getValue())) {
                        withoutExample.add(method.getKey() + " " + path.getKey());
                    }
                }));
        assertThat(api.path("paths").size()).isGreaterThan(20);
        assertThat(withoutExample).isEmpty();
    }

    /** Whether the operation documents a 2xx answer with content (its example may still be missing). */
    private static boolean answersWithABody(JsonNode operation) {
        for (var response : operation.path("responses").properties()) {
            if (response.getKey().startsWith("2")
                    && !response.getValue().path("content").isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExample(JsonNode operation) {
        for (JsonNode response : operation.get("responses")) {
            for (JsonNode content : response.path("content")) {
                if (content.has("examples") || content.has("example")) {
                    return true;
                }
            }
        }
        return false;
    }
}
