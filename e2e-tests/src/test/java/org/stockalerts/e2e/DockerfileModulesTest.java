package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockalerts.e2e.RepositoryFiles.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile names the reactor's modules one by one (so that the dependency layer is rebuilt
 * only when a pom changes); a module added to the reactor but not to the Dockerfile breaks every
 * image build at its first Maven step. This test fails first. It also keeps the list of service
 * images the same in the Dockerfile, docker-compose.yml and the image workflows.
 */
class DockerfileModulesTest {

    private static final Path ROOT = RepositoryFiles.ROOT;
    private static final Pattern DEFAULT_MODULES = Pattern.compile("(?s)<modules>(.*?)</modules>");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    @Test
    void copiesThePomOfEveryReactorModule() {
        String dockerfile = read("Dockerfile");

        assertThat(reactorModules())
                .isNotEmpty()
                .allSatisfy(module -> assertThat(dockerfile)
                        .as("the Dockerfile copies %s/pom.xml (the reactor lists the module)", module)
                        .contains("COPY " + module + "/pom.xml " + module + "/\n"));
    }

    @Test
    void copiesTheMainSourcesOfEveryModuleThatHasThem() {
        String dockerfile = read("Dockerfile");
        List<String> withMainSources = reactorModules().stream()
                .filter(module -> Files.isDirectory(ROOT.resolve(module).resolve("src/main")))
                .toList();

        assertThat(withMainSources)
                .contains("common")
                .allSatisfy(module -> assertThat(dockerfile)
                        .as("the Dockerfile copies %s/src/", module)
                        .contains("COPY " + module + "/src/ " + module + "/src/\n"));
    }

    @Test
    void buildsEveryServiceOfTheReactorAndComposeAndTheImagesWorkflowNameTheSame() {
        Set<String> services = reactorModules().stream()
                .filter(module -> read(module + "/pom.xml").contains("<artifactId>spring-boot-maven-plugin"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(services).hasSize(4);
        assertThat(captured(read("Dockerfile"), "(?m)^ARG SERVICES=(\\S+)$", ","))
                .as("the services the Dockerfile's build stage packages")
                .isEqualTo(services);
        assertThat(allCaptured(read("docker-compose.yml"), "(?m)^\\s+SERVICE: (\\S+)$"))
                .as("the services docker-compose.yml builds")
                .isEqualTo(services);
        for (String workflow : List.of("images.yml", "images-pr.yml")) {
            assertThat(captured(read(".github/workflows/" + workflow), "(?m)^\\s+service: \\[([^]]+)]$", ","))
                    .as("the images %s builds", workflow)
                    .isEqualTo(services);
        }
    }

    /** The default reactor's modules: the first {@code <modules>} of the root pom, not a profile's. */
    private static List<String> reactorModules() {
        Matcher block = DEFAULT_MODULES.matcher(read("pom.xml"));
        assertThat(block.find()).as("a <modules> list in pom.xml").isTrue();
        return MODULE.matcher(block.group(1))
                .results()
                .map(match -> match.group(1).trim())
                .toList();
    }

    private static Set<String> captured(String text, String regex, String separator) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("a line matching %s", regex).isTrue();
        return Arrays.stream(matcher.group(1).split(separator))
                .map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> allCaptured(String text, String regex) {
        return Pattern.compile(regex)
                .matcher(text)
                .results()
                .map(match -> match.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
