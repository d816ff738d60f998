package org.stockalerts.deploy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What every pod of the chart must do, each check returning its violations (empty: none): non-root with a read-only
 * root file system, requests and limits, probes on the management port, a grace period that outlasts the shutdown,
 * pinned images, and environment variables that are settings the services read.
 */
final class PodPolicies {

    /** Spring Boot's default {@code spring.lifecycle.timeout-per-shutdown-phase}, which no service changes. */
    static final Duration SPRING_SHUTDOWN_PHASE = Duration.ofSeconds(30);

    /** Variables the platform reads rather than the services' settings (Spring Boot's ports, the JVM's, ours). */
    private static final Set<String> PLATFORM_VARIABLES =
            Set.of("SERVER_PORT", "MANAGEMENT_SERVER_PORT", "JAVA_TOOL_OPTIONS", "POD_IP");

    private static final Pattern SETTING = Pattern.compile("(?m)^#?([A-Z][A-Z0-9_]*)=");
    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}$");

    private PodPolicies() {}

    static List<Manifest> workloads(List<Manifest> manifests) {
        return manifests.stream()
                .filter(m ->
                        Set.of("Deployment", "Job", "StatefulSet", "DaemonSet").contains(m.kind()))
                .toList();
    }

    static List<String> nonRootWithReadOnlyRootFileSystem(List<Manifest> manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifest workload : workloads(manifests)) {
            JsonNode pod = workload.podSpec().path("securityContext");
            if (!pod.path("runAsNonRoot").asBoolean(false)
                    || pod.path("runAsUser").asInt(0) == 0) {
                violations.add(workload + ": the pod must set runAsNonRoot and a non-zero runAsUser");
            }
            for (JsonNode container : workload.containers()) {
                JsonNode security = container.path("securityContext");
                String where = workload + " container " + container.path("name").asString();
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    violations.add(where + ": root file system not read-only");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    violations.add(where + ": allows privilege escalation");
                }
                if (!Manifest.list(security.path("capabilities").path("drop")).stream()
                        .anyMatch(cap -> cap.asString().equals("ALL"))) {
                    violations.add(where + ": does not drop ALL capabilities");
                }
                if (security.path("runAsUser").asInt(-1) == 0
                        || security.path("privileged").asBoolean(false)) {
                    violations.add(where + ": runs as root or privileged");
                }
            }
        }
        return violations;
    }

    static List<String> requestsAndLimits(List<Manifest> manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifest workload : workloads(manifests)) {
            for (JsonNode container : workload.containers()) {
                String where = workload + " container " + container.path("name").asString();
                for (String resource : List.of("cpu", "memory")) {
                    JsonNode request =
                            container.path("resources").path("requests").path(resource);
                    JsonNode limit = container.path("resources").path("limits").path(resource);
                    if (request.isMissingNode() || limit.isMissingNode()) {
                        violations.add(where + ": no " + resource + " request or limit");
                    } else if (Quantity.parse(request.asString())
                                    .getNumericalAmount()
                                    .compareTo(Quantity.parse(limit.asString()).getNumericalAmount())
                            > 0) {
                        violations.add(where + ": " + resource + " request above its limit");
                    }
                }
            }
        }
        return violations;
    }

    /** Startup, liveness and readiness probes, all asking the actuator's port (MANAGEMENT_SERVER_PORT). */
    static List<String> probesOnTheManagementPort(List<Manifest> manifests) {
        List<String> violations = new ArrayList<>();
        for (Manifest deployment : kind(manifests, "Deployment")) {
            for (JsonNode container : deployment.containers()) {
                String where =
                        deployment + " container " + container.path("name").asString();
                String managementPort = env(container).get("MANAGEMENT_SERVER_PORT");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    JsonNode port = container.path(probe).path("httpGet").path("port");
                    String resolved = port.isInt() ? port.asString() : containerPort(container, port.asString());
                    if (managementPort == null || !managementPort.equals(resolved)) {
                        violations.add(where + ": " + probe + " does not ask the management port " + managementPort);
                    }
                }
            }
        }
        return violations;
    }

    /**
     * The grace period outlasts the preStop pause, the Streams client's close (STOCKALERTS_KAFKA_STREAMS_CLOSE_TIMEOUT,
     * required of a Streams service) and Spring's shutdown phase, so that no pod is killed while it commits.
     */
    static List<String> graceOutlastsTheShutdown(List<Manifest> manifests, Set<String> streamsServices) {
        List<String> violations = new ArrayList<>();
        for (Manifest deployment : kind(manifests, "Deployment")) {
            long grace =
                    deployment.podSpec().path("terminationGracePeriodSeconds").asLong(30);
            for (JsonNode container : deployment.containers()) {
                long preStop = container
                        .path("lifecycle")
                        .path("preStop")
                        .path("sleep")
                        .path("seconds")
                        .asLong(0);
                String close = env(container).get("STOCKALERTS_KAFKA_STREAMS_CLOSE_TIMEOUT");
                if (streamsServices.contains(deployment.component()) && close == null) {
                    violations.add(deployment + ": a Streams service without STOCKALERTS_KAFKA_STREAMS_CLOSE_TIMEOUT");
                    continue;
                }
                long closeSeconds = close == null ? 0 : seconds(close);
                long needed = preStop + closeSeconds + SPRING_SHUTDOWN_PHASE.toSeconds();
                if (grace <= needed) {
                    violations.add(
                            "%s: terminationGracePeriodSeconds %d is not above preStop %d + Streams close %d + shutdown phase %d"
                                    .formatted(
                                            deployment,
                                            grace,
                                            preStop,
                                            closeSeconds,
                                            SPRING_SHUTDOWN_PHASE.toSeconds()));
                }
            }
        }
        return violations;
    }

    /** Every image is the project's, pinned by a digest or by {@code tag} (never latest). */
    static List<String> imagesPinned(List<Manifest> manifests, String repositoryPrefix, String tag) {
        List<String> violations = new ArrayList<>();
        for (Manifest workload : workloads(manifests)) {
            for (JsonNode container : workload.containers()) {
                String image = container.path("image").asString();
                boolean pinned = DIGEST.matcher(image).find()
                        || (!tag.isBlank() && !tag.equals("latest") && image.endsWith(":" + tag));
                if (!image.startsWith(repositoryPrefix) || !pinned) {
                    violations.add(workload + ": image " + image + " is not " + repositoryPrefix + "…:" + tag
                            + " or pinned by digest");
                }
            }
        }
        return violations;
    }

    /** Every variable handed to a container is a setting of .env.example (what the services read) or the platform's. */
    static List<String> envAreSettings(List<Manifest> manifests) {
        Set<String> settings = settings();
        List<String> violations = new ArrayList<>();
        for (Manifest workload : workloads(manifests)) {
            for (JsonNode container : workload.containers()) {
                for (String name : env(container).keySet()) {
                    if (!settings.contains(name) && !PLATFORM_VARIABLES.contains(name)) {
                        violations.add(workload + ": " + name + " is no setting of .env.example");
                    }
                }
            }
        }
        return violations;
    }

    static List<Manifest> kind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.is(kind)).toList();
    }

    /** A container's variables: the value, or {@code secret:<name>/<key>} for one from a Secret. */
    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new HashMap<>();
        for (JsonNode variable : container.path("env")) {
            JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
            String value = secret.isMissingNode()
                    ? variable.path("value").asString(null)
                    : "secret:" + secret.path("name").asString() + "/"
                            + secret.path("key").asString();
            env.put(variable.path("name").asString(), value);
        }
        return env;
    }

    static long seconds(String duration) {
        Matcher matcher = Pattern.compile("(\\d+)(ms|s|m)?").matcher(duration.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a duration: " + duration);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2) == null ? "ms" : matcher.group(2)) {
            case "s" -> amount;
            case "m" -> amount * 60;
            default -> (amount + 999) / 1000;
        };
    }

    private static String containerPort(JsonNode container, String name) {
        return Manifest.list(container.path("ports")).stream()
                .filter(port -> port.path("name").asString().equals(name))
                .map(port -> port.path("containerPort").asString())
                .findFirst()
                .orElse(null);
    }

    private static Set<String> settings() {
        try {
            String envExample = Files.readString(Chart.REPOSITORY.resolve(".env.example"));
            return SETTING.matcher(envExample).results().map(m -> m.group(1)).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
