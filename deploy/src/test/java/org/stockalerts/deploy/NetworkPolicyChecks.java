package org.stockalerts.deploy;

import static org.stockalerts.deploy.PodPolicies.env;
import static org.stockalerts.deploy.PodPolicies.kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** What the chart's NetworkPolicies, and Strimzi's policy for Kafka's listener, must let through and nothing more. */
final class NetworkPolicyChecks {

    private static final String API_SERVICE = "api-service";
    private static final int HTTP_PORT = 8080;

    private NetworkPolicyChecks() {}

    /**
     * Every workload's pods are selected by a NetworkPolicy for ingress and egress, every ingress rule names its
     * peers but the one that opens api-service's HTTP port to whatever fronts it, every egress rule names its peers
     * and ports, nothing opens egress to the whole Internet, and a pod reaches PostgreSQL only if it has a database.
     */
    static List<String> egressLimited(List<Manifest> manifests, String kafkaCluster, String dbCluster) {
        List<String> violations = new ArrayList<>();
        for (Manifest workload : PodPolicies.workloads(manifests)) {
            JsonNode labels = workload.tree()
                    .path("spec")
                    .path("template")
                    .path("metadata")
                    .path("labels");
            List<Manifest> policies = kind(manifests, "NetworkPolicy").stream()
                    .filter(policy -> selects(policy.spec().path("podSelector").path("matchLabels"), labels))
                    .toList();
            Set<String> types = new TreeSet<>();
            policies.forEach(policy -> policy.spec().path("policyTypes").forEach(type -> types.add(type.asString())));
            if (!types.containsAll(Set.of("Ingress", "Egress"))) {
                violations.add(workload + ": no NetworkPolicy confines both its ingress and egress");
            }
            boolean reachesKafka = false;
            boolean reachesDatabase = false;
            for (Manifest policy : policies) {
                for (JsonNode rule : policy.spec().path("ingress")) {
                    if (rule.path("from").isEmpty() && !opensTheApiOnly(workload, rule)) {
                        violations.add(policy + ": an ingress rule open to every peer");
                    }
                }
                for (JsonNode rule : policy.spec().path("egress")) {
                    if (rule.path("to").isEmpty() || rule.path("ports").isEmpty()) {
                        violations.add(policy + ": an egress rule open to every peer or port");
                    }
                    for (JsonNode peer : rule.path("to")) {
                        String cidr = peer.path("ipBlock").path("cidr").asString("");
                        if (cidr.equals("0.0.0.0/0") || cidr.equals("::/0")) {
                            violations.add(policy + ": egress to " + cidr);
                        }
                        JsonNode selector = peer.path("podSelector").path("matchLabels");
                        reachesKafka |=
                                selector.path("strimzi.io/cluster").asString("").equals(kafkaCluster);
                        reachesDatabase |=
                                selector.path("cnpg.io/cluster").asString("").equals(dbCluster);
                    }
                }
            }
            boolean hasDatabase = workload.containers().stream().anyMatch(c -> env(c).containsKey("DATABASE_URL"));
            if (reachesDatabase != hasDatabase) {
                violations.add(workload + (hasDatabase ? ": cannot reach" : ": may reach") + " PostgreSQL");
            }
            boolean usesKafka =
                    workload.containers().stream().anyMatch(c -> env(c).containsKey("KAFKA_BOOTSTRAP_SERVERS"));
            if (reachesKafka != usesKafka) {
                violations.add(workload + (usesKafka ? ": cannot reach" : ": may reach") + " Kafka");
            }
        }
        return violations;
    }

    /** Whether {@code rule} opens api-service's HTTP port and nothing else. */
    private static boolean opensTheApiOnly(Manifest workload, JsonNode rule) {
        return workload.component().equals(API_SERVICE)
                && rule.path("ports").size() == 1
                && rule.path("ports").get(0).path("port").asInt() == HTTP_PORT;
    }

    /** Every pod that uses Kafka is one of the peers Strimzi's NetworkPolicy admits to the listener it connects to. */
    static List<String> kafkaAdmitsItsClients(List<Manifest> manifests) {
        List<JsonNode> peers = new ArrayList<>();
        kind(manifests, "Kafka")
                .forEach(kafka -> kafka.spec()
                        .path("kafka")
                        .path("listeners")
                        .forEach(listener -> listener.path("networkPolicyPeers").forEach(peers::add)));
        List<String> violations = new ArrayList<>();
        for (Manifest workload : PodPolicies.workloads(manifests)) {
            JsonNode labels = workload.tree()
                    .path("spec")
                    .path("template")
                    .path("metadata")
                    .path("labels");
            boolean usesKafka =
                    workload.containers().stream().anyMatch(c -> env(c).containsKey("KAFKA_BOOTSTRAP_SERVERS"));
            boolean admitted = peers.stream()
                    .anyMatch(peer -> peer.path("namespaceSelector").isMissingNode()
                            && selects(peer.path("podSelector").path("matchLabels"), labels));
            if (usesKafka && !admitted) {
                violations.add(workload + ": not among the peers Kafka's listener admits");
            }
        }
        return violations;
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        return !matchLabels.isEmpty()
                && matchLabels.properties().stream()
                        .allMatch(e -> e.getValue()
                                .asString()
                                .equals(labels.path(e.getKey()).asString(null)));
    }
}
