package org.stockalerts.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The validators and policies of {@link KubernetesManifestsTest} refuse manifests broken on purpose: each test breaks
 * one rendered document in one way and expects its check to say so.
 */
class BrokenManifestsTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();
    private static final Set<String> PRE_CREATED = Set.of(
            "stock-alerts-db-api",
            "stock-alerts-db-alerting",
            "stock-alerts-db-persistence",
            "stock-alerts-secrets-key");
    private static List<Manifest> rendered;

    @BeforeAll
    static void render() {
        rendered = Chart.render("values-dev.yaml");
    }

    @Test
    void aMisspelledFieldOfAKubernetesKindIsRefused() {
        Manifest broken = broken(isDeployment("alert-consumer"), d -> spec(d).put("replicaz", 2));

        assertThat(VALIDATOR.problems(broken)).singleElement().asString().contains("unknown field spec.replicaz");
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        Manifest broken = broken(isDeployment("alert-consumer"), d -> spec(d).put("revisionHistoryLimit", "many"));

        assertThat(VALIDATOR.problems(broken)).singleElement().asString().contains("does not deserialize");
    }

    @Test
    void aMisspelledFieldOfAStrimziKindIsRefused() {
        Manifest topic = broken(m -> m.is("KafkaTopic"), t -> spec(t).put("partitionz", 6));
        Manifest listener = broken(
                m -> m.is("Kafka"),
                k -> ((ObjectNode)
                                k.path("spec").path("kafka").path("listeners").get(0))
                        .put("authenticationn", "scram-sha-512"));

        // both Strimzi's model and its CRD's schema refuse them
        assertThat(VALIDATOR.problems(topic))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("partitionz"));
        assertThat(VALIDATOR.problems(listener))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p).contains("authenticationn"));
    }

    @Test
    void aCloudNativePgClusterOrKedaObjectOffItsCrdSchemaIsRefused() {
        Manifest unknownField = broken(m -> m.is("Cluster"), c -> spec(c).put("instancez", 3));
        Manifest wrongType = broken(m -> m.is("Cluster"), c -> spec(c).put("instances", "three"));
        Manifest scaledObject = broken(m -> m.is("ScaledObject"), s -> spec(s).put("maxReplicaCount", "six"));
        Manifest auth = broken(
                m -> m.is("TriggerAuthentication"),
                a -> spec(a).set("secretTargetRefs", spec(a).get("secretTargetRef")));

        assertThat(VALIDATOR.problems(unknownField)).singleElement().asString().contains("instancez");
        assertThat(VALIDATOR.problems(wrongType)).singleElement().asString().contains("instances");
        assertThat(VALIDATOR.problems(scaledObject)).singleElement().asString().contains("maxReplicaCount");
        assertThat(VALIDATOR.problems(auth)).singleElement().asString().contains("secretTargetRefs");
    }

    @Test
    void aKindWithoutASchemaAndANameKubernetesRefusesAreRefused() {
        Manifest widget = Manifest.of(Chart.parse("apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n")
                .getFirst()
                .tree());
        Manifest capitals =
                broken(m -> m.is("KafkaTopic"), t -> ((ObjectNode) t.path("metadata")).put("name", "stock-prices.DLT"));

        assertThat(VALIDATOR.problems(widget))
                .singleElement()
                .asString()
                .contains("no schema for example.com/v1 Widget");
        assertThat(VALIDATOR.problems(capitals)).singleElement().asString().contains("not a DNS-1123 subdomain");
    }

    @Test
    void aDocumentWithADuplicateKeyIsRefused() {
        String duplicate = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels:\n    a: x\n    a: x\n";

        assertThatThrownBy(() -> Chart.parse(duplicate)).hasMessageContaining("Duplicate Object property \"a\"");
    }

    @Test
    void podPoliciesCatchRootWritableUnlimitedUnprobedAndHastilyKilledPods() {
        List<Manifest> writable = replaced(
                isDeployment("api-service"),
                d -> container(d).withObjectProperty("securityContext").put("readOnlyRootFilesystem", false));
        List<Manifest> unlimited = replaced(
                isDeployment("api-service"),
                d -> container(d).withObjectProperty("resources").remove("limits"));
        List<Manifest> unprobed = replaced(
                isDeployment("api-service"),
                d -> container(d)
                        .withObjectProperty("readinessProbe")
                        .withObjectProperty("httpGet")
                        .put("port", "http"));
        List<Manifest> hasty =
                replaced(isDeployment("alert-consumer"), d -> podSpec(d).put("terminationGracePeriodSeconds", 30));
        List<Manifest> unknownVariable = replaced(
                isDeployment("api-service"),
                d -> container(d)
                        .withArray("env")
                        .addObject()
                        .put("name", "STOCKALERTS_NO_SUCH_SETTING")
                        .put("value", "1"));
        List<Manifest> latest = replaced(
                isDeployment("api-service"),
                d -> container(d).put("image", "docker.io/stockalerts/stock-alerts-api-service:latest"));

        assertThat(PodPolicies.nonRootWithReadOnlyRootFileSystem(writable))
                .singleElement()
                .asString()
                .contains("not read-only");
        assertThat(PodPolicies.requestsAndLimits(unlimited)).hasSize(2);
        assertThat(PodPolicies.probesOnTheManagementPort(unprobed))
                .singleElement()
                .asString()
                .contains("readinessProbe");
        assertThat(PodPolicies.graceOutlastsTheShutdown(hasty, Set.of("alert-consumer")))
                .singleElement()
                .asString()
                .contains("terminationGracePeriodSeconds 30");
        assertThat(PodPolicies.envAreSettings(unknownVariable))
                .singleElement()
                .asString()
                .contains("STOCKALERTS_NO_SUCH_SETTING");
        assertThat(PodPolicies.imagesPinned(latest, "docker.io/stockalerts/stock-alerts-", "0.1.0"))
                .hasSize(1);
    }

    @Test
    void platformPoliciesCatchDriftFromTopicsTheAclFileAndThePartitions() {
        List<Manifest> fewerPartitions = replaced(m -> m.is("KafkaTopic"), t -> spec(t).put("partitions", 3));
        List<Manifest> missingAcl = replaced(
                m -> m.is("KafkaUser"),
                u -> ((tools.jackson.databind.node.ArrayNode)
                                u.path("spec").path("authorization").path("acls"))
                        .remove(0));
        List<Manifest> tooMany = replaced(
                m -> m.is("ScaledObject") && m.name().endsWith("persistence-consumer"),
                s -> spec(s).put("maxReplicaCount", 7));
        List<Manifest> foreignGroup = replaced(
                m -> m.is("ScaledObject") && m.name().endsWith("persistence-consumer"),
                s -> ((ObjectNode) s.path("spec").path("triggers").get(0).path("metadata"))
                        .put("consumerGroup", "alert-engine"));

        assertThat(PlatformPolicies.topicsAreTopics(fewerPartitions))
                .singleElement()
                .asString()
                .contains("Topics says 6");
        assertThat(PlatformPolicies.usersHaveTheAclFile(missingAcl)).hasSize(1);
        assertThat(PlatformPolicies.consumersScaleWithinTheirPartitions(tooMany))
                .singleElement()
                .asString()
                .contains("maxReplicaCount 7 above the 6 partitions of stock-prices");
        assertThat(PlatformPolicies.consumersScaleWithinTheirPartitions(foreignGroup))
                .singleElement()
                .asString()
                .contains("alert-engine is not one persistence-consumer may read");
    }

    @Test
    void platformPoliciesCatchBorrowedLoginsAndOpenEgress() {
        List<Manifest> borrowed = replaced(
                isDeployment("persistence-consumer"),
                d -> container(d)
                        .withArray("env")
                        .addObject()
                        .put("name", "STOCKALERTS_DB_API_PASSWORD")
                        .put("value", "x"));
        List<Manifest> openEgress = replaced(
                m -> m.is("NetworkPolicy") && m.name().endsWith("analytics-consumer"),
                p -> spec(p).withArray("egress").addObject());

        assertThat(PlatformPolicies.ownCredentialsOnly(borrowed, "stock-alerts-db", PRE_CREATED))
                .singleElement()
                .asString()
                .contains("STOCKALERTS_DB_API_PASSWORD");
        List<Manifest> shutOut = replaced(
                m -> m.is("Kafka"),
                k -> ((ObjectNode)
                                k.path("spec").path("kafka").path("listeners").get(0))
                        .remove("networkPolicyPeers"));
        List<Manifest> otherRelease = replaced(
                m -> m.is("Kafka"),
                k -> ((ObjectNode) k.path("spec")
                                .path("kafka")
                                .path("listeners")
                                .get(0)
                                .path("networkPolicyPeers")
                                .get(0)
                                .path("podSelector")
                                .path("matchLabels"))
                        .put("app.kubernetes.io/instance", "other"));

        assertThat(NetworkPolicyChecks.kafkaAdmitsItsClients(shutOut)).hasSize(4);
        assertThat(NetworkPolicyChecks.kafkaAdmitsItsClients(otherRelease)).hasSize(4);
        assertThat(NetworkPolicyChecks.egressLimited(openEgress, "stock-alerts", "stock-alerts-db"))
                .singleElement()
                .asString()
                .contains("open to every peer or port");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATABASE_USER", "DATABASE_PASSWORD", "DB_USER", "DB_PASSWORD"})
    void platformPoliciesCatchALoginThatOverridesEveryRole(String setting) {
        List<Manifest> overridden = replaced(
                isDeployment("persistence-consumer"),
                d -> container(d)
                        .withArray("env")
                        .addObject()
                        .put("name", setting)
                        .put("value", "x"));

        assertThat(PlatformPolicies.ownCredentialsOnly(overridden, "stock-alerts-db", PRE_CREATED))
                .singleElement()
                .asString()
                .contains(setting + ", not its own login");
    }

    @Test
    void networkPolicyChecksCatchAnIngressRuleOpenToEveryPeerButTheApi() {
        List<Manifest> openManagement = replaced(
                m -> m.is("NetworkPolicy") && m.name().endsWith("alert-consumer"),
                p -> spec(p).withArray("ingress")
                        .addObject()
                        .set(
                                "ports",
                                spec(p).path("ingress").get(0).path("ports").deepCopy()));
        List<Manifest> apiManagementOpen = replaced(
                m -> m.is("NetworkPolicy") && m.name().endsWith("api-service"),
                p -> ((ObjectNode) spec(p).path("ingress").get(1)).remove("from"));
        List<Manifest> openToEveryPort = replaced(
                m -> m.is("NetworkPolicy") && m.name().endsWith("analytics-consumer"),
                p -> spec(p).withArray("ingress").addObject());

        assertThat(NetworkPolicyChecks.egressLimited(rendered, "stock-alerts", "stock-alerts-db"))
                .isEmpty();
        assertThat(NetworkPolicyChecks.egressLimited(openManagement, "stock-alerts", "stock-alerts-db"))
                .singleElement()
                .asString()
                .contains("an ingress rule open to every peer");
        assertThat(NetworkPolicyChecks.egressLimited(apiManagementOpen, "stock-alerts", "stock-alerts-db"))
                .singleElement()
                .asString()
                .contains("an ingress rule open to every peer");
        assertThat(NetworkPolicyChecks.egressLimited(openToEveryPort, "stock-alerts", "stock-alerts-db"))
                .singleElement()
                .asString()
                .contains("an ingress rule open to every peer");
    }

    @Test
    void platformPoliciesCatchAnUnsupportedKafkaAndABudgetThatBlocksEveryDrain() {
        List<Manifest> oldKafka =
                replaced(m -> m.is("Kafka"), k -> ((ObjectNode) k.path("spec").path("kafka")).put("version", "4.1.0"));
        List<Manifest> blocking = replaced(
                m -> m.is("PodDisruptionBudget") && m.name().endsWith("analytics-consumer"),
                p -> spec(p).put("minAvailable", 1).remove("maxUnavailable"));

        assertThat(PlatformPolicies.kafkaVersionSupported(oldKafka))
                .singleElement()
                .asString()
                .contains("Kafka 4.1.0");
        List<Manifest> both = replaced(
                m -> m.is("PodDisruptionBudget") && m.name().endsWith("analytics-consumer"),
                p -> spec(p).put("minAvailable", 1));

        assertThat(PlatformPolicies.disruptionBudgetsAllowADrain(both))
                .singleElement()
                .asString()
                .contains("both");
        assertThat(PlatformPolicies.disruptionBudgetsAllowADrain(blocking))
                .singleElement()
                .asString()
                .contains("forbids every eviction");
    }

    @Test
    void aStrimziResourceOffItsCrdSchemaIsRefused() {
        Manifest badListener = broken(
                m -> m.is("Kafka"),
                k -> ((ObjectNode)
                                k.path("spec").path("kafka").path("listeners").get(0))
                        .put("port", 80));

        assertThat(VALIDATOR.problems(badListener))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p).contains("port"));
    }

    @Test
    void theChartRefusesMoreConsumersThanPartitions() {
        assertThatThrownBy(() ->
                        Chart.render("values-dev.yaml", Map.of("services.alert-consumer.autoscaling.maxReplicas", 7)))
                .hasMessageContaining("maxReplicas 7 exceeds the 6 partitions of stock-prices");
    }

    private static Predicate<Manifest> isDeployment(String service) {
        return m -> m.is("Deployment") && m.component().equals(service);
    }

    /** A copy of the first rendered manifest that {@code which} matches, changed by {@code change}. */
    private static Manifest broken(Predicate<Manifest> which, Consumer<ObjectNode> change) {
        Manifest original = rendered.stream().filter(which).findFirst().orElseThrow();
        ObjectNode copy = (ObjectNode) original.tree().deepCopy();
        change.accept(copy);
        return Manifest.of(copy);
    }

    /** The rendered manifests with the first one {@code which} matches changed by {@code change}. */
    private static List<Manifest> replaced(Predicate<Manifest> which, Consumer<ObjectNode> change) {
        Manifest original = rendered.stream().filter(which).findFirst().orElseThrow();
        List<Manifest> manifests = new ArrayList<>(rendered);
        manifests.set(manifests.indexOf(original), broken(which, change));
        return manifests;
    }

    private static ObjectNode spec(ObjectNode manifest) {
        return (ObjectNode) manifest.path("spec");
    }

    private static ObjectNode podSpec(ObjectNode manifest) {
        return (ObjectNode) manifest.path("spec").path("template").path("spec");
    }

    private static ObjectNode container(ObjectNode manifest) {
        return (ObjectNode) podSpec(manifest).path("containers").get(0);
    }
}
