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

    private static boolean hasExample(JsonNode operation) {
        for (JsonNode response : operation.get("responses")) {
            JsonNode json = response.path("content").path("application/json");
            if (json.has("examples") || json.has("example")) {
                return true;
            }
        }
        return false;
    }
}
