package org.stockalerts.deploy;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The openAPIV3Schema of each served version of the CustomResourceDefinitions vendored in {@code
 * src/test/resources/crds} (CloudNativePG's Cluster, KEDA's ScaledObject and TriggerAuthentication; their README
 * names the releases), made strict: an object schema that lists its properties and does not preserve unknown fields
 * refuses any other property, as the API server's strict field validation does ({@code kubectl apply
 * --validate=strict}, the default since Kubernetes 1.27), where plain JSON Schema would allow it.
 */
final class CrdSchemas {

    static final Path DIRECTORY = Path.of("src/test/resources/crds");

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> KUBERNETES_EXTENSIONS = List.of(
            "x-kubernetes-list-type",
            "x-kubernetes-list-map-keys",
            "x-kubernetes-map-type",
            "x-kubernetes-int-or-string",
            "x-kubernetes-preserve-unknown-fields",
            "x-kubernetes-embedded-resource",
            "x-kubernetes-validations",
            // OpenAPI's, in Strimzi's schemas
            "example");
    private static final List<String> SUBSCHEMAS = List.of("properties", "patternProperties");

    private final Map<String, Schema> schemas = new HashMap<>();

    CrdSchemas() {
        // draft 4 (what OpenAPI v3's schema object is based on) with Kubernetes' extensions known: they annotate
        // lists, maps and int-or-string fields; their CEL rules (x-kubernetes-validations) are not evaluated here
        Dialect.Builder dialect = Dialect.builder(Dialects.getDraft4());
        KUBERNETES_EXTENSIONS.forEach(keyword -> dialect.keyword(new NonValidationKeyword(keyword)));
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect.build());
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            files.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(file -> load(registry, file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The strict schema of {@code group/version}, {@code kind}, if one of the vendored CRDs serves it. */
    Optional<Schema> schema(String apiVersion, String kind) {
        return Optional.ofNullable(schemas.get(apiVersion + "/" + kind));
    }

    private void load(SchemaRegistry registry, Path file) {
        JsonNode crd = YAML.readTree(file.toFile());
        String group = crd.path("spec").path("group").asString();
        String kind = crd.path("spec").path("names").path("kind").asString();
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (!version.path("served").asBoolean()) {
                continue;
            }
            JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
            strict(schema);
            String key = group + "/" + version.path("name").asString() + "/" + kind;
            schemas.put(key, registry.getSchema(SchemaLocation.of("urn:crd:" + key), schema));
        }
    }

    /**
     * Refuses unknown properties in every object schema reached through properties, items and additionalProperties
     * (not inside anyOf/allOf/oneOf, whose branches of a structural schema only restate their parent's properties).
     */
    private static void strict(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return;
        }
        if (node.has("properties")
                && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
            node.put("additionalProperties", false);
        }
        for (String keyword : SUBSCHEMAS) {
            for (Iterator<JsonNode> children = node.path(keyword).values().iterator(); children.hasNext(); ) {
                strict(children.next());
            }
        }
        strict(node.path("items"));
        strict(node.path("additionalProperties"));
    }
}
