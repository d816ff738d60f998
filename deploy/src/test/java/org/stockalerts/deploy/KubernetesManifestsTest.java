package org.stockalerts.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart rendered with the dev and the prod values: every document valid against its kind's schema, and every
 * policy of issue #23 held (docs/operations.md, "Deploying to Kubernetes").
 */
class KubernetesManifestsTest {

    private static final String KAFKA = Chart.RELEASE;
    private static final String DATABASE = Chart.RELEASE + "-db";
    /** The Secrets deploy/create-secrets.sh makes before the install. */
    private static final Set<String> PRE_CREATED = Set.of(
            Chart.RELEASE + "-db-api",
            Chart.RELEASE + "-db-alerting",
            Chart.RELEASE + "-db-persistence",
            Chart.RELEASE + "-secrets-key");

    private static final Map<String, List<Manifest>> RENDERED = new ConcurrentHashMap<>();
    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    private static List<Manifest> rendered(String values) {
        return RENDERED.computeIfAbsent(values, Chart::render);
    }

    @Test
    void chartPassesHelmsStrictLint() {
        LintResult lint = Chart.lint();

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void rendersEveryKindTheDeploymentNeeds(String values) {
        assertThat(rendered(values))
                .extracting(Manifest::kind)
                .contains("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Deployment", "Job")
                .contains("Service", "PodDisruptionBudget", "ScaledObject", "TriggerAuthentication", "NetworkPolicy");
        assertThat(PodPolicies.kind(rendered(values), "Deployment"))
                .extracting(Manifest::component)
                .containsExactlyInAnyOrder(
                        "api-service", "alert-consumer", "persistence-consumer", "analytics-consumer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void everyDocumentIsValidForItsKindsSchema(String values) {
        assertThat(rendered(values).stream().flatMap(m -> VALIDATOR.problems(m).stream()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void everyPodRunsAsNonRootOnAReadOnlyRootFileSystemWithRequestsAndLimits(String values) {
        assertThat(PodPolicies.nonRootWithReadOnlyRootFileSystem(rendered(values)))
                .isEmpty();
        assertThat(PodPolicies.requestsAndLimits(rendered(values))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void everyServiceHasItsProbesOnTheManagementPortAndOutlastsItsShutdown(String values) {
        assertThat(PodPolicies.probesOnTheManagementPort(rendered(values))).isEmpty();
        assertThat(PodPolicies.graceOutlastsTheShutdown(rendered(values), streamsServices()))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void imagesArePinnedAndEveryVariableIsASettingTheServicesRead(String values) {
        assertThat(PodPolicies.imagesPinned(rendered(values), "docker.io/stockalerts/stock-alerts-", "0.1.0"))
                .isEmpty();
        assertThat(PodPolicies.envAreSettings(rendered(values))).isEmpty();
    }

    @Test
    void aDigestPinsTheImagesInsteadOfTheTag() {
        String digest = "sha256:" + "ab".repeat(32);
        List<Manifest> manifests = Chart.render("values-prod.yaml", Map.of("image.digest", digest));

        assertThat(PodPolicies.workloads(manifests))
                .flatExtracting(Manifest::containers)
                .allSatisfy(container ->
                        assertThat(container.path("image").asString()).endsWith("@" + digest));
    }

    @Test
    void aServicesOwnImageTagHoldsItBackWhileTheOthersMoveOn() {
        List<Manifest> manifests = Chart.render(
                "values-prod.yaml", Map.of("image.tag", "0.2.0", "services.api-service.image.tag", "0.1.0"));

        assertThat(PodPolicies.workloads(manifests))
                .allSatisfy(workload -> assertThat(
                                workload.containers().getFirst().path("image").asString())
                        .endsWith(
                                workload.component().equals("alert-consumer")
                                                || workload.component().equals("persistence-consumer")
                                                || workload.component().equals("analytics-consumer")
                                        ? ":0.2.0"
                                        : "stock-alerts-api-service:0.1.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void kafkaTopicsAreCommonsTopicsAndUsersHaveTheAclFile(String values) {
        assertThat(PlatformPolicies.topicsAreTopics(rendered(values))).isEmpty();
        assertThat(PlatformPolicies.usersHaveTheAclFile(rendered(values))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void eachServiceIsGivenOnlyItsOwnLogins(String values) throws IOException {
        assertThat(PlatformPolicies.ownCredentialsOnly(rendered(values), DATABASE, PRE_CREATED))
                .isEmpty();
        String script = Files.readString(Chart.ROOT.resolve("../../create-secrets.sh"));
        assertThat(script)
                .contains(
                        "for schema in api alerting persistence",
                        "\"$release-db-$schema\"",
                        "\"$release-secrets-key\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void consumersScaleOnTheirLagUpToTheirTopicsPartitions(String values) {
        assertThat(PlatformPolicies.consumersScaleWithinTheirPartitions(rendered(values)))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void networkPoliciesLimitWhatEachPodReaches(String values) {
        assertThat(NetworkPolicyChecks.egressLimited(rendered(values), KAFKA, DATABASE))
                .isEmpty();
        assertThat(NetworkPolicyChecks.kafkaAdmitsItsClients(rendered(values))).isEmpty();
    }

    @Test
    void anOpenIdConnectIssuerOutsideTheClusterIsConfiguredAndReachableOnItsCidrs() {
        List<Manifest> manifests = Chart.render(
                "values-prod.yaml",
                Map.of(
                        "oidc.issuerUri", "https://login.example.test/tenant/v2.0",
                        "oidc.audiences[0]", "api://stock-alerts",
                        "oidc.audiences[1]", "stock-alerts",
                        "oidc.userClaim", "oid",
                        "oidc.dashboardClientId", "dashboard",
                        "oidc.dashboardTokenOrigin", "https://tokens.example.test",
                        "oidc.egress.cidrs[0]", "203.0.113.0/24"));

        assertThat(PodPolicies.env(
                        apiService(manifests, "Deployment").containers().getFirst()))
                .containsEntry(
                        "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                        "https://login.example.test/tenant/v2.0")
                .containsEntry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "api://stock-alerts,stock-alerts")
                .containsEntry("STOCKALERTS_AUTH_JWT_USER_CLAIM", "oid")
                .containsEntry("STOCKALERTS_DASHBOARD_OIDC_CLIENT_ID", "dashboard")
                .containsEntry("STOCKALERTS_DASHBOARD_OIDC_TOKEN_ORIGIN", "https://tokens.example.test")
                .doesNotContainKey("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
        assertThat(egressPorts(apiService(manifests, "NetworkPolicy"), "203.0.113.0/24"))
                .containsExactly(443);
        assertThat(NetworkPolicyChecks.egressLimited(manifests, KAFKA, DATABASE))
                .isEmpty();
        assertThat(PodPolicies.envAreSettings(manifests)).isEmpty();
        assertThat(manifests.stream().flatMap(m -> VALIDATOR.problems(m).stream()))
                .isEmpty();
    }

    @Test
    void anOpenIdConnectIssuerInTheClusterIsReachedByItsNamespaceAndPods() {
        List<Manifest> manifests = Chart.render(
                "values-dev.yaml",
                Map.of(
                        "oidc.issuerUri", "http://keycloak.identity.svc/realms/stock-alerts",
                        "oidc.audiences[0]", "stock-alerts",
                        "oidc.egress.namespaceLabels.kubernetes\\.io/metadata\\.name", "identity",
                        "oidc.egress.podLabels.app", "keycloak",
                        "oidc.egress.ports[0]", 8080));

        assertThat(Manifest.list(apiService(manifests, "NetworkPolicy").spec().path("egress")))
                .anySatisfy(rule -> {
                    assertThat(rule.path("to")
                                    .get(0)
                                    .path("namespaceSelector")
                                    .path("matchLabels")
                                    .path("kubernetes.io/metadata.name")
                                    .asString())
                            .isEqualTo("identity");
                    assertThat(rule.path("to")
                                    .get(0)
                                    .path("podSelector")
                                    .path("matchLabels")
                                    .path("app")
                                    .asString())
                            .isEqualTo("keycloak");
                    assertThat(rule.path("ports").get(0).path("port").asInt()).isEqualTo(8080);
                });
        assertThat(NetworkPolicyChecks.egressLimited(manifests, KAFKA, DATABASE))
                .isEmpty();
        assertThat(manifests.stream().flatMap(m -> VALIDATOR.problems(m).stream()))
                .isEmpty();
    }

    @Test
    void theChartRefusesAnOpenIdConnectIssuerApiServiceCouldNotReach() {
        assertThatThrownBy(() -> Chart.render(
                        "values-prod.yaml", Map.of("oidc.issuerUri", "https://login.example.test/tenant/v2.0")))
                .hasMessageContaining("api-service may not reach the issuer");
        assertThatThrownBy(() -> Chart.render(
                        "values-prod.yaml", Map.of("oidc.jwkSetUri", "https://login.example.test/common/keys")))
                .hasMessageContaining("oidc.issuerUri must be set");
    }

    @Test
    void withoutAnOpenIdConnectIssuerApiServiceReachesNone() {
        Manifest policy = apiService(rendered("values-prod.yaml"), "NetworkPolicy");

        assertThat(PodPolicies.env(apiService(rendered("values-prod.yaml"), "Deployment")
                                .containers()
                                .getFirst())
                        .keySet())
                .noneMatch(name -> name.startsWith("SPRING_SECURITY_OAUTH2"));
        assertThat(Manifest.list(policy.spec().path("egress")))
                .noneMatch(rule -> rule.path("to").get(0).has("ipBlock"));
    }

    private static Manifest apiService(List<Manifest> manifests, String kind) {
        return PodPolicies.kind(manifests, kind).stream()
                .filter(m -> m.name().equals(Chart.RELEASE + "-api-service"))
                .findFirst()
                .orElseThrow();
    }

    /** The ports of the egress rules that reach {@code cidr}. */
    private static List<Integer> egressPorts(Manifest policy, String cidr) {
        return Manifest.list(policy.spec().path("egress")).stream()
                .filter(rule -> Manifest.list(rule.path("to")).stream()
                        .anyMatch(peer ->
                                peer.path("ipBlock").path("cidr").asString("").equals(cidr)))
                .flatMap(rule -> Manifest.list(rule.path("ports")).stream())
                .map(port -> port.path("port").asInt())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"values-dev.yaml", "values-prod.yaml"})
    void kafkaIsAVersionStrimziSupportsAndDisruptionBudgetsLetNodesDrain(String values) {
        assertThat(PlatformPolicies.kafkaVersionSupported(rendered(values))).isEmpty();
        assertThat(PlatformPolicies.disruptionBudgetsAllowADrain(rendered(values)))
                .isEmpty();
    }

    @Test
    void prodSpreadsStrictlyAndReplicatesKafkaThreeTimes() {
        List<Manifest> prod = rendered("values-prod.yaml");

        assertThat(PodPolicies.kind(prod, "Deployment"))
                .flatExtracting(d -> Manifest.list(d.podSpec().path("topologySpreadConstraints")))
                .allSatisfy(
                        c -> assertThat(c.path("whenUnsatisfiable").asString()).isEqualTo("DoNotSchedule"));
        assertThat(PodPolicies.kind(prod, "KafkaTopic"))
                .allSatisfy(topic ->
                        assertThat(topic.spec().path("replicas").asInt()).isEqualTo(3));
        assertThat(PodPolicies.kind(prod, "Cluster"))
                .singleElement()
                .satisfies(db -> assertThat(db.spec().path("instances").asInt()).isEqualTo(3));
    }

    /** The services with a Kafka Streams client: those whose application.yml configures spring.kafka.streams. */
    private static Set<String> streamsServices() {
        return Stream.of("api-service", "alert-consumer", "persistence-consumer", "analytics-consumer")
                .filter(service -> {
                    try {
                        return Files.readString(
                                        Chart.REPOSITORY.resolve(service + "/src/main/resources/application.yml"))
                                .contains("application-id:");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .collect(java.util.stream.Collectors.toSet());
    }
}
