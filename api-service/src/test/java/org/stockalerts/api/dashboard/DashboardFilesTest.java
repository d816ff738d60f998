package org.stockalerts.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.RawHttpTestSupport;

class DashboardFilesTest extends RawHttpTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path STATIC = Path.of("src/main/resources/static");

    @Test
    void servesThePageAtTheRootWithoutAKeyUnderAContentSecurityPolicyThatForbidsInlineScript() throws Exception {
        // When the root is read without a key
        HttpResponse<String> page = get("/");

        // Then it is the dashboard's page, under the strict policy
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'")
                .contains("frame-ancestors 'none'", "base-uri 'none'", "connect-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void servesTheModulesAndTheChartLibraryWithoutAKey() throws Exception {
        // When a module of the page and the chart library (from its WebJar, by a version-free path) are read
        HttpResponse<String> module = get("/app/main.js");
        HttpResponse<String> library = get("/webjars/uplot/dist/uPlot.esm.js");

        // Then both are there, as JavaScript, with the policy
        assertThat(module.statusCode()).isEqualTo(200);
        assertThat(module.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(module.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("export");
    }

    @Test
    void keepsTheApiBehindTheKey() throws Exception {
        // When an API route and a write to a dashboard path are sent without a key
        HttpResponse<String> users = get("/users");
        HttpResponse<String> write = HTTP.send(
                HttpRequest.newBuilder(uri("/app/main.js"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        // Then both need a key, and API answers carry no dashboard policy
        assertThat(users.statusCode()).isEqualTo(401);
        assertThat(users.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(write.statusCode()).isEqualTo(401);
    }

    @Test
    void hasNoInlineScriptStyleOrHandlerAndNeverParsesDataAsHtml() throws IOException {
        // Given the dashboard's files
        List<Path> files;
        try (Stream<Path> walk = Files.walk(STATIC)) {
            files = walk.filter(Files::isRegularFile).toList();
        }

        // Then the page loads scripts by src only, has no handler or style attribute, and no module writes HTML
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handlerOrStyle = Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern html = Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|eval\\(");
        assertThat(files).isNotEmpty().allSatisfy(file -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (file.toString().endsWith(".html")) {
                assertThat(inlineScript.matcher(text).find())
                        .as(file + " inline script")
                        .isFalse();
                assertThat(handlerOrStyle.matcher(text).find())
                        .as(file + " handler or style")
                        .isFalse();
            }
            if (file.toString().endsWith(".js")) {
                assertThat(html.matcher(text).find())
                        .as(file + " HTML from strings")
                        .isFalse();
            }
        });
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
