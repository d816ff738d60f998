package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.e2e.RepositoryFiles.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Each service's actuator port, named the same wherever it is used (docs/operations.md, "Health,
 * metrics and probes"): the services and the launcher agree on the defaults, and none of the eight
 * ports of one host collides; in a container the Dockerfile's HEALTHCHECK asks the port the image
 * and docker-compose.yml give the actuator; the container test, where every container shares the
 * host's network, gives each service two ports of its own.
 */
class ManagementPortsTest {

    /** Each service with the prefix of its port variables ({@code API_PORT}, {@code API_MANAGEMENT_PORT}). */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("api-service", "API");
        SERVICES.put("alert-consumer", "ALERT_CONSUMER");
        SERVICES.put("persistence-consumer", "PERSISTENCE_CONSUMER");
        SERVICES.put("analytics-consumer", "ANALYTICS_CONSUMER");
    }

    @Test
    void theServicesAndTheLauncherAgreeOnEveryPortAndNoTwoCollide() {
        String launcher = read("stock-alerts");
        List<Integer> ports = new ArrayList<>();
        SERVICES.forEach((service, prefix) -> {
            String config = read(service + "/src/main/resources/application.yml");
            for (String variable : List.of(prefix + "_PORT", prefix + "_MANAGEMENT_PORT")) {
                int inService = Integer.parseInt(
                        captured(config, "\\n\\s+port: \\$\\{" + variable + ":(\\d+)}\\n", service + "'s " + variable));
                int inLauncher = Integer.parseInt(captured(
                        launcher,
                        "export " + variable + "=\"\\$\\{" + variable + ":-(\\d+)}\"",
                        "the launcher's " + variable));
                assertThat(inLauncher)
                        .as("the launcher's default of %s", variable)
                        .isEqualTo(inService);
                ports.add(inService);
            }
        });

        assertThat(ports).hasSize(8).doesNotHaveDuplicates();
    }

    @Test
    void theImageAndComposeGiveTheActuatorOnePortWhichTheHealthCheckAsks() {
        String dockerfile = read("Dockerfile");
        String management = captured(dockerfile, "\\n\\s+MANAGEMENT_SERVER_PORT=(\\d+)", "the image's actuator port");
        String server = captured(dockerfile, "\\nENV SERVER_PORT=(\\d+)", "the image's service port");
        Map<String, Object> platform = child(new Yaml().load(read("docker-compose.yml")), "x-platform-env");

        assertThat(management).isNotEqualTo(server);
        assertThat(platform).containsEntry("MANAGEMENT_SERVER_PORT", management).containsEntry("SERVER_PORT", server);
        assertThat(captured(dockerfile, "\\nHEALTHCHECK [^\\n]*\\n\\s+CMD (.*)\\n", "the HEALTHCHECK"))
                .contains("/${MANAGEMENT_SERVER_PORT} ", "GET /actuator/health ")
                .doesNotContain("${SERVER_PORT}");
    }

    @Test
    void theContainerTestGivesEveryServiceTwoPortsOfItsOwn() {
        Map<String, Object> services = child(new Yaml().load(read("tools/containers/compose.host.yml")), "services");
        String script = read("scripts/container-test.sh");
        List<String> defaults = new ArrayList<>();
        SERVICES.forEach((service, prefix) -> {
            Map<String, Object> environment = child(child(services, service), "environment");
            for (String variable : List.of("SERVER_PORT", "MANAGEMENT_SERVER_PORT")) {
                String setting = "CONTAINER_TEST_" + prefix + "_" + variable.replace("SERVER_", "");
                assertThat(environment.get(variable))
                        .as("%s's %s in compose.host.yml", service, variable)
                        .asString()
                        .startsWith("${" + setting + ":-");
                assertThat(script)
                        .as("scripts/container-test.sh sets %s", setting)
                        .contains("\n" + setting + "=");
                defaults.add((String) environment.get(variable));
            }
        });

        assertThat(defaults).hasSize(8).doesNotHaveDuplicates();
    }

    private static String captured(String text, String regex, String what) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s (/%s/)", what, regex).isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as("a mapping at %s", key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }
}
