package org.stockalerts.deploy;

import static org.stockalerts.deploy.PodPolicies.env;
import static org.stockalerts.deploy.PodPolicies.kind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.stockalerts.common.kafka.TopicSpec;
import org.stockalerts.common.kafka.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the chart must say about Kafka, PostgreSQL, scaling and the network, each check returning its violations:
 * topics as common's {@link Topics} declares them, users with the ACLs of tools/kafka/acls.csv, each service given only
 * its own logins, consumers scaled on their lag up to their topic's partitions, a Kafka Strimzi supports, budgets
 * that let nodes drain ({@link NetworkPolicyChecks} has the network's).
 */
final class PlatformPolicies {

    /** The schema (docs/operations.md, "Database roles") each service with a database logs in to. */
    static final Map<String, String> SCHEMAS =
            Map.of("api-service", "API", "alert-consumer", "ALERTING", "persistence-consumer", "PERSISTENCE");

    static final Path SUPPORTED_KAFKA_VERSIONS = Path.of("src/test/resources/strimzi/kafka-versions.yaml");

    private PlatformPolicies() {}

    /** Each KafkaTopic's topicName, partitions and configs are a topic of Topics or its dead-letter topic. */
    static List<String> topicsAreTopics(List<Manifest> manifests) {
        Map<String, String> expected = new TreeMap<>();
        for (TopicSpec<?> topic : Topics.ALL) {
            expected.put(topic.name(), topic.partitions() + " " + new TreeMap<>(topic.configs()));
            expected.put(
                    topic.deadLetterTopic(),
                    topic.partitions() + " "
                            + new TreeMap<>(
                                    Map.of("retention.ms", String.valueOf(Topics.DEAD_LETTER_RETENTION.toMillis()))));
        }
        Map<String, String> rendered = new TreeMap<>();
        for (Manifest topic : kind(manifests, "KafkaTopic")) {
            Map<String, String> config = new TreeMap<>();
            topic.spec()
                    .path("config")
                    .properties()
                    .forEach(e -> config.put(e.getKey(), e.getValue().asString()));
            String name = topic.spec().path("topicName").asString(topic.name());
            if (rendered.put(name, topic.spec().path("partitions").asInt() + " " + config) != null) {
                return List.of("topic " + name + " is declared twice");
            }
        }
        List<String> violations = new ArrayList<>();
        expected.forEach((name, spec) -> {
            if (!spec.equals(rendered.get(name))) {
                violations.add("KafkaTopic " + name + ": " + rendered.get(name) + ", Topics says " + spec);
            }
        });
        rendered.keySet().stream()
                .filter(name -> !expected.containsKey(name))
                .forEach(name -> violations.add("KafkaTopic " + name + " is no topic of Topics"));
        return violations;
    }

    /** The KafkaUsers are acls.csv's users, each with exactly that file's rules. */
    static List<String> usersHaveTheAclFile(List<Manifest> manifests) {
        Map<String, Set<String>> rendered = new TreeMap<>();
        for (Manifest user : kind(manifests, "KafkaUser")) {
            Set<String> rules = new TreeSet<>();
            for (JsonNode acl : user.spec().path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                List<String> operations = Manifest.list(acl.path("operations")).stream()
                        .map(JsonNode::asString)
                        .toList();
                String type = acl.path("type").asString("allow");
                rules.add((type.equals("allow") ? "" : type + " ")
                        + AclFile.rule(
                                resource.path("type").asString(),
                                resource.path("name").asString(),
                                resource.path("patternType").asString("literal"),
                                operations));
            }
            rendered.put(user.name(), rules);
        }
        Map<String, Set<String>> expected = AclFile.rulesByUser();
        return expected.equals(rendered)
                ? List.of()
                : List.of("KafkaUsers' ACLs " + rendered + " differ from " + AclFile.FILE + ": " + expected);
    }

    /**
     * Each service logs in to Kafka as its own user and to PostgreSQL as its own role, and nothing holds the database
     * administrator's login but the db-bootstrap Job; every Secret a pod reads is rendered, made by an operator
     * (Strimzi's per user, CloudNativePG's superuser) or in {@code preCreated} (deploy/create-secrets.sh).
     */
    static List<String> ownCredentialsOnly(List<Manifest> manifests, String dbCluster, Set<String> preCreated) {
        Set<String> available = new TreeSet<>(preCreated);
        kind(manifests, "Secret").forEach(secret -> available.add(secret.name()));
        kind(manifests, "KafkaUser").forEach(user -> available.add(user.name()));
        available.add(dbCluster + "-superuser");
        List<String> violations = new ArrayList<>();
        for (Manifest workload : PodPolicies.workloads(manifests)) {
            for (JsonNode container : workload.containers()) {
                Map<String, String> env = env(container);
                env.values().stream()
                        .filter(value -> value != null && value.startsWith("secret:"))
                        .map(value -> value.substring("secret:".length(), value.indexOf('/')))
                        .filter(secret -> !available.contains(secret))
                        .forEach(secret ->
                                violations.add(workload + ": reads Secret " + secret + ", which nothing makes"));
                if (!workload.is("Deployment")) {
                    continue;
                }
                String service = workload.component();
                if (!service.equals(env.get("STOCKALERTS_KAFKA_SASL_USERNAME"))
                        || !("secret:" + service + "/password").equals(env.get("STOCKALERTS_KAFKA_SASL_PASSWORD"))) {
                    violations.add(workload + ": does not log in to Kafka as its own user " + service);
                }
                env.keySet().stream()
                        .filter(PlatformPolicies::isDatabaseLogin)
                        .filter(name -> !name.startsWith("STOCKALERTS_DB_" + SCHEMAS.get(service) + "_"))
                        .forEach(name -> violations.add(workload + ": is given " + name + ", not its own login"));
            }
        }
        return violations;
    }

    /**
     * A setting that names a database login: every service's own ({@code STOCKALERTS_DB_<SCHEMA>_*}) or one that
     * overrides the login of every role ({@code DATABASE_USER}, {@code DATABASE_PASSWORD}, {@code DB_USER}, {@code
     * DB_PASSWORD}).
     */
    private static boolean isDatabaseLogin(String name) {
        return name.startsWith("STOCKALERTS_DB_")
                || name.startsWith("DATABASE_USER")
                || name.startsWith("DATABASE_PASSWORD")
                || name.startsWith("DB_USER")
                || name.startsWith("DB_PASSWORD");
    }

    /**
     * Every consumer Deployment has a ScaledObject on its consumer group's lag, the group one its Kafka user may read,
     * and at most as many replicas as Topics gives its topic partitions; api-service scales on its request rate.
     */
    static List<String> consumersScaleWithinTheirPartitions(List<Manifest> manifests) {
        Map<String, Manifest> scaledObjects = new HashMap<>();
        kind(manifests, "ScaledObject")
                .forEach(so -> scaledObjects.put(
                        so.spec().path("scaleTargetRef").path("name").asString(), so));
        List<String> violations = new ArrayList<>();
        for (Manifest deployment : kind(manifests, "Deployment")) {
            String service = deployment.component();
            Manifest scaled = scaledObjects.get(deployment.name());
            if (scaled == null) {
                violations.add(deployment + ": no ScaledObject");
                continue;
            }
            int max = scaled.spec().path("maxReplicaCount").asInt(100);
            int min = scaled.spec().path("minReplicaCount").asInt(0);
            if (min < 1 || min > max) {
                violations.add(scaled + ": minReplicaCount " + min + " not within 1.." + max);
            }
            List<JsonNode> triggers = Manifest.list(scaled.spec().path("triggers"));
            String expectedType = service.equals("api-service") ? "prometheus" : "kafka";
            if (triggers.size() != 1
                    || !triggers.getFirst().path("type").asString().equals(expectedType)) {
                violations.add(scaled + ": expected one " + expectedType + " trigger");
                continue;
            }
            if (expectedType.equals("kafka")) {
                JsonNode metadata = triggers.getFirst().path("metadata");
                String topicName = metadata.path("topic").asString();
                String group = metadata.path("consumerGroup").asString();
                Optional<TopicSpec<?>> topic = Topics.byName(topicName);
                if (topic.isEmpty()) {
                    violations.add(scaled + ": topic " + topicName + " is not one of Topics");
                } else if (max > topic.get().partitions()) {
                    violations.add("%s: maxReplicaCount %d above the %d partitions of %s"
                            .formatted(scaled, max, topic.get().partitions(), topicName));
                }
                if (!AclFile.mayReadGroup(service, group)) {
                    violations.add(scaled + ": consumer group " + group + " is not one " + service + " may read");
                }
            }
        }
        return violations;
    }

    /** Kafka's version is one the Strimzi release of the vendored CRDs supports (its kafka-versions.yaml). */
    static List<String> kafkaVersionSupported(List<Manifest> manifests) {
        JsonNode versions = new YAMLMapper().readTree(SUPPORTED_KAFKA_VERSIONS.toFile());
        Set<String> supported = new TreeSet<>();
        versions.forEach(version -> {
            if (version.path("supported").asBoolean()) {
                supported.add(version.path("version").asString());
            }
        });
        return kind(manifests, "Kafka").stream()
                .filter(kafka -> !supported.contains(
                        kafka.spec().path("kafka").path("version").asString()))
                .map(kafka -> kafka + ": Kafka "
                        + kafka.spec().path("kafka").path("version").asString() + " is not one of Strimzi's supported "
                        + supported)
                .toList();
    }

    /**
     * A PodDisruptionBudget sets one of minAvailable and maxUnavailable, as a number of pods, and never forbids every
     * eviction: minAvailable below the fewest replicas, maxUnavailable at least 1.
     */
    static List<String> disruptionBudgetsAllowADrain(List<Manifest> manifests) {
        Map<String, Integer> fewest = new HashMap<>();
        kind(manifests, "Deployment")
                .forEach(
                        d -> fewest.put(d.component(), d.spec().path("replicas").asInt(1)));
        kind(manifests, "ScaledObject")
                .forEach(so -> fewest.put(
                        so.spec().path("scaleTargetRef").path("name").asString().substring(Chart.RELEASE.length() + 1),
                        so.spec().path("minReplicaCount").asInt(0)));
        List<String> violations = new ArrayList<>();
        for (Manifest pdb : kind(manifests, "PodDisruptionBudget")) {
            String service = pdb.spec()
                    .path("selector")
                    .path("matchLabels")
                    .path("app.kubernetes.io/name")
                    .asString();
            JsonNode minAvailable = pdb.spec().path("minAvailable");
            JsonNode maxUnavailable = pdb.spec().path("maxUnavailable");
            if (!minAvailable.isMissingNode() && !maxUnavailable.isMissingNode()) {
                violations.add(pdb + ": sets both minAvailable and maxUnavailable, which the API server refuses");
            } else if (minAvailable.isInt() && minAvailable.asInt() >= fewest.getOrDefault(service, 0)) {
                violations.add(pdb + ": minAvailable " + minAvailable.asInt() + " with as few as " + fewest.get(service)
                        + " replicas forbids every eviction");
            } else if (maxUnavailable.isInt() && maxUnavailable.asInt() < 1) {
                violations.add(pdb + ": maxUnavailable 0 forbids every eviction");
            } else if (!minAvailable.isInt() && !maxUnavailable.isInt()) {
                violations.add(pdb + ": neither minAvailable nor maxUnavailable as a number of pods");
            }
        }
        return violations;
    }
}
