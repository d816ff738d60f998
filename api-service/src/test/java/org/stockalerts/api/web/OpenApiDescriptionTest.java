package org.stockalerts.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiDescriptionTest extends ApiIntegrationTestSupport {

    private static final List<String> OWN_PATHS = List.of("/users", "/portfolio", "/alerts");

    @Test
    void describesEveryOperationWithAnExampleAndTheBearerKey() {
        // When the OpenAPI description is read
        JsonNode api = json(mvc.get().uri("/v3/api-docs").exchange());

        // Then every operation with a body in or out shows an example of it, and the API key is a bearer scheme
        List<String> withoutExample = new ArrayList<>();
        int inspected = 0;
        for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
            if (OWN_PATHS.stream().noneMatch(path.getKey()::startsWith)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (operation.getKey().equals("delete")) {
                    continue;
                }
                inspected++;
                if (!hasExample(operation.getValue())) {
                    withoutExample.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(inspected).isGreaterThanOrEqualTo(22);
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
