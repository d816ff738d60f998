package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.e2e.RepositoryFiles.read;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Go version's environment where the port reads its own: the services import their connection
 * settings (with the DB_* and KAFKA_BROKER fallbacks, ConnectionFallbacksTest in common) from common's
 * shared files; docker-compose.yml resolves POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD from DB_NAME,
 * DB_USER and DB_PASSWORD when unset, in the containers (Compose 1.29 cannot nest defaults); the images
 * workflow logs in with DOCKER_USERNAME and DOCKER_PASSWORD when its own secrets are unset.
 */
class GoVersionEnvironmentTest {

    private static final List<String> SERVICES =
            List.of("api-service", "alert-consumer", "persistence-consumer", "analytics-consumer");
    private static final List<String> WITH_DATABASE = List.of("api-service", "alert-consumer", "persistence-consumer");
    private static final Map<String, String> COMPOSE_NAMES =
            Map.of("POSTGRES_DB", "DB_NAME", "POSTGRES_USER", "DB_USER", "POSTGRES_PASSWORD", "DB_PASSWORD");
    private static final String PRINT_DATABASE_SETTINGS =
            "echo \"$POSTGRES_DB|$POSTGRES_USER|$POSTGRES_PASSWORD|$DATABASE_URL|$DATABASE_USER|$DATABASE_PASSWORD"
                    + "|$STOCKALERTS_DB_ADMIN_USER|${DB_PASSWORD-unset}\"";
    /** What the services run before their entry point: the administrator's login is postgres's and db-bootstrap's. */
    private static final List<Object> ADMIN_UNSET = List.of(
            "env",
            "-u",
            "POSTGRES_USER",
            "-u",
            "POSTGRES_PASSWORD",
            "-u",
            "STOCKALERTS_DB_ADMIN_USER",
            "-u",
            "STOCKALERTS_DB_ADMIN_PASSWORD");

    @Test
    void everyServiceTakesItsConnectionsFromTheSharedFilesOfCommon() {
        for (String service : SERVICES) {
            String file = read(service + "/src/main/resources/application.yml");
            Map<String, Object> config = new Yaml().load(file);

            List<String> expected = new ArrayList<>(List.of(
                    "classpath:stockalerts-management.yml",
                    "classpath:stockalerts-logging.yml",
                    "classpath:stockalerts-kafka.yml"));
            if (WITH_DATABASE.contains(service)) {
                expected.add("classpath:stockalerts-database.yml");
            }

            assertThat(listAt(config, "spring", "config", "import"))
                    .as("the files %s's application.yml imports", service)
                    .isEqualTo(expected);
            assertThat(file)
                    .as("%s's application.yml leaves the connection variables to the shared files", service)
                    .doesNotContain("KAFKA_BOOTSTRAP_SERVERS", "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD");
        }
    }

    @Test
    void composePassesBothNamesOfEachDatabaseSettingToPostgresAndTheServices() {
        Map<String, Object> compose = new Yaml().load(read("docker-compose.yml"));
        Map<String, Object> databaseEnv = mapAt(compose, "x-database-env");
        String settings = (String) compose.get("x-database-settings");

        COMPOSE_NAMES.forEach((port, go) ->
                assertThat(databaseEnv).containsEntry(port, "${" + port + ":-}").containsEntry(go, "${" + go + ":-}"));
        assertThat(mapAt(compose, "services", "postgres", "environment")).isEqualTo(databaseEnv);
        assertThat(listAt(compose, "services", "postgres", "entrypoint"))
                .containsExactly("sh", "-c", settings, "database-settings", "docker-entrypoint.sh");
        assertThat(listAt(compose, "services", "postgres", "healthcheck", "test"))
                .startsWith("CMD", "sh", "-c", settings, "database-settings");
        for (String service : WITH_DATABASE) {
            assertThat(mapAt(compose, "services", service, "environment"))
                    .as("%s's environment", service)
                    .containsAllEntriesOf(databaseEnv);
            List<Object> entrypoint = listAt(compose, "services", service, "entrypoint");
            assertThat(entrypoint.subList(0, 4)).containsExactly("sh", "-c", settings, "database-settings");
            List<Object> command = entrypoint.subList(4, entrypoint.size());
            assertThat(command.subList(0, ADMIN_UNSET.size()))
                    .as("%s drops the administrator's login", service)
                    .isEqualTo(ADMIN_UNSET);
            assertThat(command.subList(ADMIN_UNSET.size(), command.size()))
                    .as("%s runs the Dockerfile's entry point after the database settings", service)
                    .isEqualTo(dockerfileEntrypoint());
        }
    }

    @Test
    void composeUsesThePortsDatabaseNamesThenTheGoVersionsThenItsDefaults() throws Exception {
        String settings = composeShell((String)
                new Yaml().<Map<String, Object>>load(read("docker-compose.yml")).get("x-database-settings"));

        // neither name set (Compose hands both over, empty when unset): the services log in as their roles
        assertThat(runSettings(settings, Map.of()))
                .isEqualTo(
                        "stock_alerts|postgres|postgres|jdbc:postgresql://postgres:5432/stock_alerts|||postgres|unset");
        // only the Go version's password and database: still the roles, the password is the administrator's only
        assertThat(runSettings(settings, Map.of("DB_NAME", "legacy", "DB_PASSWORD", "s3cret")))
                .isEqualTo("legacy|postgres|s3cret|jdbc:postgresql://postgres:5432/legacy|||postgres|unset");
        // the Go version's single user: every service logs in as it, as before the roles
        assertThat(runSettings(settings, Map.of("DB_NAME", "legacy", "DB_USER", "gopher", "DB_PASSWORD", "s3cret")))
                .isEqualTo("legacy|gopher|s3cret|jdbc:postgresql://postgres:5432/legacy|gopher|s3cret|gopher|s3cret");
        // both: the port's win
        assertThat(runSettings(
                        settings,
                        Map.of(
                                "DB_NAME", "legacy",
                                "DB_USER", "gopher",
                                "DB_PASSWORD", "s3cret",
                                "POSTGRES_DB", "alerts",
                                "POSTGRES_USER", "stockalerts",
                                "POSTGRES_PASSWORD", "port-secret")))
                .isEqualTo(
                        "alerts|stockalerts|port-secret|jdbc:postgresql://postgres:5432/alerts|stockalerts|port-secret"
                                + "|stockalerts|s3cret");
    }

    @Test
    void theImagesWorkflowLogsInWithTheGoVersionsSecretsWhenItsOwnAreUnset() {
        String workflow = read(".github/workflows/images.yml");

        assertThat(workflow)
                .contains("DOCKERHUB_USERNAME: ${{ secrets.DOCKERHUB_USERNAME || secrets.DOCKER_USERNAME }}")
                .contains("DOCKERHUB_TOKEN: ${{ secrets.DOCKERHUB_TOKEN || secrets.DOCKER_PASSWORD }}")
                .contains("username: ${{ env.DOCKERHUB_USERNAME }}")
                .contains("password: ${{ env.DOCKERHUB_TOKEN }}")
                .doesNotContain("${{ secrets.DOCKERHUB_USERNAME }}", "${{ secrets.DOCKERHUB_TOKEN }}");
    }

    /** The shell line as the container runs it: Compose turns {@code $$} into {@code $}. */
    private static String composeShell(String line) {
        return line.replace("$$", "$");
    }

    /** Runs the settings line as Compose does, with every variable of x-database-env set (empty when unset). */
    private static String runSettings(String settings, Map<String, String> variables)
            throws IOException, InterruptedException {
        ProcessBuilder process =
                new ProcessBuilder("sh", "-c", settings, "database-settings", "sh", "-c", PRINT_DATABASE_SETTINGS);
        process.environment().clear();
        COMPOSE_NAMES.forEach((port, go) -> {
            process.environment().put(port, variables.getOrDefault(port, ""));
            process.environment().put(go, variables.getOrDefault(go, ""));
        });
        process.environment().put("PATH", System.getenv("PATH"));
        Process started = process.redirectErrorStream(true).start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(started.waitFor())
                .as("exit status of the settings line (output: %s)", output)
                .isZero();
        return output;
    }

    /** The exec form of the Dockerfile's ENTRYPOINT. */
    private static List<Object> dockerfileEntrypoint() {
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]$").matcher(read("Dockerfile"));
        assertThat(entrypoint.find())
                .as("an exec-form ENTRYPOINT in the Dockerfile")
                .isTrue();
        List<Object> words = new ArrayList<>();
        Pattern.compile("\"([^\"]*)\"")
                .matcher(entrypoint.group(1))
                .results()
                .forEach(word -> words.add(word.group(1)));
        return words;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapAt(Map<String, Object> document, String... path) {
        Object node = document;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        assertThat(node).as("a mapping at %s", String.join(".", path)).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listAt(Map<String, Object> document, String... path) {
        Map<String, Object> parent = mapAt(document, Arrays.copyOf(path, path.length - 1));
        Object node = parent.get(path[path.length - 1]);
        assertThat(node).as("a list at %s", String.join(".", path)).isInstanceOf(List.class);
        return (List<Object>) node;
    }
}
