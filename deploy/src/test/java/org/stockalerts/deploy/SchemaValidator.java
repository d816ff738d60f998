package org.stockalerts.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one rendered document against the schema of its kind, failing on unknown kinds, unknown or misspelled fields
 * and values of the wrong type:
 *
 * <ul>
 *   <li>Kubernetes' own kinds against fabric8's Kubernetes model (Kubernetes 1.33's API);
 *   <li>Strimzi's kinds ({@code kafka.strimzi.io/v1}) against Strimzi's Java API model, the classes its operator is
 *       built from, and against the openAPIV3Schema of its vendored CRDs (which add enums, bounds and required
 *       fields);
 *   <li>CloudNativePG's and KEDA's kinds against the openAPIV3Schema of their vendored CRDs ({@link CrdSchemas}).
 * </ul>
 *
 * The models check names and types, not which fields are required: the policy checks cover what this chart must set.
 */
final class SchemaValidator {

    /** Strimzi's kinds, by kind, with the versions their model serves. */
    private static final Map<String, Class<?>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);

    private static final String STRIMZI_API_VERSION = "kafka.strimzi.io/v1";

    /** RFC 1123 subdomain: what Kubernetes accepts as the name of most resources. */
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private final KubernetesSerialization kubernetes = new KubernetesSerialization();
    private final ObjectMapper strimzi = new ObjectMapper();
    private final CrdSchemas crds = new CrdSchemas();

    /** What is wrong with {@code manifest}, each problem prefixed by the manifest; empty when it is valid. */
    List<String> problems(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        try {
            problems.addAll(validate(manifest));
        } catch (RuntimeException e) {
            problems.add("does not deserialize: " + e.getMessage());
        }
        if (manifest.name().length() > 253
                || !DNS_SUBDOMAIN.matcher(manifest.name()).matches()) {
            problems.add("metadata.name '" + manifest.name() + "' is not a DNS-1123 subdomain");
        }
        return problems.stream().map(problem -> manifest + ": " + problem).toList();
    }

    private List<String> validate(Manifest manifest) {
        boolean strimziKind =
                STRIMZI_KINDS.containsKey(manifest.kind()) && manifest.group().equals("kafka.strimzi.io");
        var schema = crds.schema(manifest.apiVersion(), manifest.kind());
        if (!strimziKind && schema.isEmpty()) {
            Object model = kubernetes.unmarshal(manifest.tree().toString());
            if (model instanceof GenericKubernetesResource) {
                return List.of("no schema for " + manifest.apiVersion() + " " + manifest.kind());
            }
            return UnknownFields.of(model).stream()
                    .map(field -> "unknown field " + field)
                    .toList();
        }
        List<String> problems = new ArrayList<>();
        if (strimziKind) {
            problems.addAll(strimzi(manifest));
        } else {
            UnknownFields.of(metadata(manifest)).forEach(field -> problems.add("unknown field metadata." + field));
        }
        schema.ifPresentOrElse(
                crd -> crd.validate(manifest.tree()).forEach(error -> problems.add(error.toString())),
                () -> problems.add("no CRD schema for " + manifest.apiVersion() + " " + manifest.kind()));
        return problems;
    }

    private List<String> strimzi(Manifest manifest) {
        if (!manifest.apiVersion().equals(STRIMZI_API_VERSION)) {
            return List.of("Strimzi's model here is " + STRIMZI_API_VERSION + ", not " + manifest.apiVersion());
        }
        try {
            Object model = strimzi.readValue(manifest.tree().toString(), STRIMZI_KINDS.get(manifest.kind()));
            return UnknownFields.of(model).stream()
                    .map(field -> "unknown field " + field)
                    .toList();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return List.of("does not deserialize: " + e.getOriginalMessage());
        }
    }

    private ObjectMeta metadata(Manifest manifest) {
        return kubernetes.unmarshal(manifest.tree().path("metadata").toString(), ObjectMeta.class);
    }
}
