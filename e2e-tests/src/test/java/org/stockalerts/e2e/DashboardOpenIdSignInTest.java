package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.stockalerts.testsupport.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's sign-in through an OpenID Connect issuer in a real browser (headless Chromium): api-service, run
 * from its jar, trusts {@link OpenIdProviderStub}; the page does the authorization-code flow with PKCE against it,
 * the user its token names is created at first sight, works, and signs out; an answer whose state was tampered with
 * is refused. A screenshot of the sign-in page with the issuer's button goes to docs/screenshots/.
 */
class DashboardOpenIdSignInTest {

    private static final String CLIENT_ID = "stock-alerts-dashboard";
    private static final String AUDIENCE = "stock-alerts-api";
    private static final String ISSUER_NAME = "Stub ID";
    private static final Path SCREENSHOTS = RepositoryFiles.ROOT.resolve("docs/screenshots");
    private static final Duration PAGE = Duration.ofSeconds(10);

    private static OpenIdProviderStub issuer;
    private static ServiceProcess api;
    private static Browser browser;

    @BeforeAll
    static void startTheIssuerTheApiAndTheBrowser() throws Exception {
        issuer = new OpenIdProviderStub(CLIENT_ID, AUDIENCE);
        Map<String, String> env = new HashMap<>(RunningSystem.database());
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestKafka.bootstrapServers());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer.issuer());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", AUDIENCE);
        env.put("STOCKALERTS_DASHBOARD_OIDC_CLIENT_ID", CLIENT_ID);
        env.put("STOCKALERTS_DASHBOARD_OIDC_NAME", ISSUER_NAME);
        api = ServiceProcess.start("api-service", "API_PORT", env);
        await().atMost(RunningSystem.STARTUP)
                .pollInterval(Duration.ofSeconds(1))
                .until(api::isUp);
        issuer.allowRedirectUri(api.baseUrl() + "/");
        browser = Browser.start();
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (api != null) {
            api.close();
        }
        if (issuer != null) {
            issuer.close();
        }
    }

    @Test
    void aUserSignsInThroughTheIssuerWorksAndSignsOutAndATamperedAnswerIsRefused() throws Exception {
        // Given the dashboard, offering the issuer's sign-in
        browser.driver.get(api.baseUrl() + "/");
        WebElement button = visible(By.id("sign-in-oidc"));
        assertThat(button.getText()).isEqualTo("Sign in with " + ISSUER_NAME);
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();
        browser.screenshot(SCREENSHOTS.resolve("sign-in-oidc-desktop.png"));

        // When the user signs in there
        button.click();

        // Then they come back signed in, on their portfolio, with no code or state left in the address bar
        visible(By.cssSelector("form[aria-labelledby=holding-form-title]"));
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(api.baseUrl() + "/#/portfolio");
        // and the stub traded one code for a verifier that matched its S256 challenge
        assertThat(issuer.tokenRequests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.verifierMatchesChallenge()).isTrue());

        // And they are the user the token names, created at first sight
        String token = sessionItem("stockalerts.apiKey");
        JsonNode users = new ApiClient(api.baseUrl()).call("GET", "/users", token, null);
        assertThat(users.get("items")).hasSize(1);
        assertThat(users.get("items").get(0).get("name").asString()).isEqualTo(OpenIdProviderStub.NAME);
        String userId = sessionItem("stockalerts.userId");
        assertThat(users.get("items").get(0).get("id").asString()).isEqualTo(userId);

        // When they add a holding
        type(By.name("symbol"), "MSFT");
        type(By.name("quantity"), "3");
        type(By.name("averageCost"), "300");
        click(By.id("save-holding"));

        // Then it is in their portfolio
        visible(By.cssSelector("tr[data-symbol=MSFT]"));
        assertThat(browser.driver.findElements(By.cssSelector("main [role=alert]")).stream()
                        .map(WebElement::getText)
                        .filter(text -> !text.isBlank()))
                .isEmpty();

        // When they sign out, the token is forgotten and the issuer's sign-in is offered again
        click(By.id("sign-out"));
        assertThat(browser.driver.executeScript("return sessionStorage.length")).isEqualTo(0L);
        visible(By.id("sign-in-oidc"));

        // When the next answer of the issuer comes back with a state other than the one the page sent
        issuer.tamperWithNextState();
        click(By.id("sign-in-oidc"));

        // Then the page refuses it, never trades the code, and nobody is signed in
        await().atMost(PAGE)
                .ignoreExceptions()
                .until(() -> text(By.cssSelector("form[aria-labelledby=sign-in-title] [role=alert]"))
                        .equals("Sign-in refused: the answer does not belong to a sign-in started in this tab"));
        assertThat(issuer.tokenRequests()).hasSize(1);
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(api.baseUrl() + "/");
        assertThat(browser.driver.executeScript("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.findElement(By.id("nav")).isDisplayed()).isFalse();

        // And the browser logged no error (but the new user's first look at a portfolio it does not have yet, a
        // 404 the page answers by creating it) and the Content-Security-Policy refused nothing
        String firstPortfolioLook = "/users/" + userId + "/portfolio - Failed to load resource: the server"
                + " responded with a status of 404";
        assertThat(browser.driver.manage().logs().get(LogType.BROWSER).getAll())
                .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogEntry::getMessage)
                .filteredOn(message -> !message.contains(firstPortfolioLook))
                .isEmpty();
    }

    private static String sessionItem(String name) {
        return (String) browser.driver.executeScript("return sessionStorage.getItem(arguments[0])", name);
    }

    private static WebElement visible(By locator) {
        return await().atMost(PAGE)
                .ignoreExceptions()
                .until(
                        () -> {
                            WebElement element = browser.driver.findElement(locator);
                            return element.isDisplayed() ? element : null;
                        },
                        element -> element != null);
    }

    private static void click(By locator) {
        visible(locator).click();
    }

    private static void type(By locator, String value) {
        WebElement input = visible(locator);
        input.clear();
        input.sendKeys(value);
    }

    private static String text(By locator) {
        return browser.driver.findElement(locator).getText().strip();
    }
}
