package org.stockalerts.api.owasp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API3 (broken object property level authorization): every request body of the OpenAPI description,
 * valid as the owner sends it, with a property a client must not set. Undeclared properties are
 * refused (400); a declared {@code userId} naming someone else is a 404 like any other user's
 * resource; and the owner's data is unchanged afterwards.
 */
class MassAssignmentTest extends OwaspTestSupport {

    /** Properties that would matter if a body could set them. */
    static final List<String> FORBIDDEN = List.of("id", "userId", "ownerId", "admin", "role", "createdAt", "keyHash");

    @Test
    void refusesEveryForbiddenPropertyInEveryRequestBodyAndChangesNothing() {
        List<Operation> withBody = operations().stream()
                .filter(operation -> operation.description().has("requestBody"))
                .toList();
        JsonNode schemas =
                json(mvc.get().uri("/v3/api-docs").exchange()).get("components").get("schemas");
        assertThat(withBody)
                .as("operations with a request body but no valid body in BolaMatrixTest.ROUTES")
                .allSatisfy(operation -> assertThat(
                                BolaMatrixTest.ROUTES.get(operation.key()).body())
                        .isNotNull());

        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : withBody) {
            BolaMatrixTest.Route route = BolaMatrixTest.ROUTES.get(operation.key());
            Set<String> declared = declaredProperties(operation, schemas);
            World world = world();
            String before = stateOf(world);
            for (String property : FORBIDDEN) {
                ObjectNode body = (ObjectNode) json(BolaMatrixTest.fill(route.body(), world));
                boolean isDeclared = declared.contains(property);
                body.put(property, isDeclared ? world.other().id().toString() : "00000000-0000-0000-0000-000000000001");
                MvcTestResult result = call(
                        operation.method(),
                        BolaMatrixTest.fill(route.target(), world),
                        body.toString(),
                        world.owner().bearer());
                softly.assertThat(result.getResponse().getStatus())
                        .as("%s with %s: %s", operation.key(), property, body(result))
                        .isEqualTo(isDeclared ? 404 : 400);
            }
            softly.assertThat(stateOf(world))
                    .as("owner's data after %s", operation.key())
                    .isEqualTo(before);
        }
        softly.assertAll();
    }

    /** The owner's user, portfolio, rules and channels as the API shows them. */
    private String stateOf(World world) {
        List<String> views = new ArrayList<>();
        for (String uri : List.of(
                "/users/" + world.owner().id(),
                "/users/" + world.owner().id() + "/portfolio",
                "/alerts",
                "/users/" + world.owner().id() + "/channels")) {
            views.add(body(get(world.owner(), uri)));
        }
        return String.join("\n", views);
    }

    private static Set<String> declaredProperties(Operation operation, JsonNode schemas) {
        JsonNode schema = operation
                .description()
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema");
        String ref = schema.path("$ref").asString("");
        JsonNode resolved = ref.isEmpty() ? schema : schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        return Set.copyOf(resolved.get("properties").propertyNames());
    }
}
