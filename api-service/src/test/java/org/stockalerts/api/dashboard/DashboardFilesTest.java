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
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stockalerts.api.web.RawHttpTestSupport;

class DashboardFilesTest extends RawHttpTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path STATIC = Path.of("src/main/resources/static");

    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_OR_STYLE =
            Pattern.compile("\\s(on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);
    /** Ways a module could parse a string as HTML or run it as code, or set a handler or style attribute. */
    private static final Pattern SINK = Pattern.compile(String.join(
            "|",
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|srcdoc|createContextualFragment|DOMParser",
            "setHTMLUnsafe|parseHTMLUnsafe",
            "\\beval\\s*\\(|\\bnew\\s+Function\\b|\\bFunction\\s*\\(",
            "\\bset(Timeout|Interval)\\s*\\(\\s*['\"`]",
            "setAttribute\\(\\s*['\"`](on|style)",
            "\\b(href|src|action)['\"]?\\s*[:=]\\s*['\"`]\\s*(data|javascript|vbscript):",
            "[{,]\\s*['\"]?style['\"]?\\s*:"));

    private static final Pattern STRING_LITERAL =
            Pattern.compile("`[^`]*`|'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern TAG_WITH_HANDLER_OR_STYLE =
            Pattern.compile("<[a-z][^>]*[\\s/](on[a-z]+|style)\\s*=", Pattern.CASE_INSENSITIVE);

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
    void offersNoIssuerSignInWhenNoneIsConfigured() throws Exception {
        // When the page's sign-in settings are read without a key, on a service with no issuer configured
        HttpResponse<String> config = get("/dashboard/config.json");

        // Then there is no issuer to sign in with, and the page may connect to its own origin only
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).isEqualTo("{\"oidc\":null}");
        assertThat(config.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("connect-src 'self';");
    }

    @Test
    void hasThePageAndItsModulesRevalidatedOnEachLoad() throws Exception {
        // When the page (at the root and by name) and a module are read
        List<HttpResponse<String>> files = List.of(get("/"), get("/index.html"), get("/app/main.js"));

        // Then each must be revalidated before a cached copy is used: an upgrade never mixes old and new modules
        assertThat(files).allSatisfy(file -> {
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-cache");
        });
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

        // Then the page loads scripts by src only, has no handler or style attribute, and no module writes HTML,
        // runs a string as code, or writes a handler or style attribute
        assertThat(files).isNotEmpty().allSatisfy(file -> {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (file.toString().endsWith(".html")) {
                assertThat(INLINE_SCRIPT.matcher(text).results().map(MatchResult::group))
                        .as(file + " inline script")
                        .isEmpty();
                assertThat(HANDLER_OR_STYLE.matcher(text).results().map(MatchResult::group))
                        .as(file + " handler or style")
                        .isEmpty();
            }
            if (file.toString().endsWith(".js")) {
                assertThat(SINK.matcher(text).results().map(MatchResult::group))
                        .as(file + " HTML or code from strings")
                        .isEmpty();
                assertThat(markupInStrings(text))
                        .as(file + " handler or style in a string")
                        .isEmpty();
            }
        });
    }

    @Test
    void theFileChecksCatchEachForbiddenSink() {
        // Given a line of each kind the checks must refuse
        List<String> sinks = List.of(
                "el.innerHTML = x",
                "el.outerHTML = x",
                "el.insertAdjacentHTML('beforeend', x)",
                "document.write(x)",
                "document.writeln(x)",
                "eval(x)",
                "new Function('return 1')",
                "setTimeout('go()', 10)",
                "setInterval(`go()`, 10)",
                "el.setAttribute('onclick', x)",
                "el.setAttribute(\"style\", x)",
                "frame.srcdoc = x",
                "range.createContextualFragment(x)",
                "new DOMParser().parseFromString(x, 'text/html')",
                "link.href = 'data:text/html,x'",
                "link.href = `javascript:${x}`",
                "h('a', {href: 'javascript:go()'})",
                "h('p', {style: 'color: red'})",
                "el.setHTMLUnsafe(x)");
        List<String> markup = List.of("`<img src=x onerror=\"go()\">`", "'<p style=\"color: red\">'");

        // Then each is found, and the dashboard's own idioms are not
        assertThat(sinks)
                .allSatisfy(
                        line -> assertThat(SINK.matcher(line).find()).as(line).isTrue());
        assertThat(markup)
                .allSatisfy(line -> assertThat(markupInStrings(line)).as(line).isNotEmpty());
        assertThat(SINK.matcher("h('button', {onclick: () => go()}); setTimeout(connect, 10); a.href = `#/x`")
                        .find())
                .isFalse();
        assertThat(HANDLER_OR_STYLE.matcher("<a class=\"skip\" href=\"#main\">").find())
                .isFalse();
    }

    /** The string literals of {@code js} (quoted or template) that hold a tag with a handler or style attribute. */
    private static List<String> markupInStrings(String js) {
        return STRING_LITERAL
                .matcher(js)
                .results()
                .map(MatchResult::group)
                .filter(literal -> TAG_WITH_HANDLER_OR_STYLE.matcher(literal).find())
                .toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
