package org.stockalerts.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The web dashboard in a real browser (headless Chromium) against the four running services and the simulated
 * market: register, add a holding and watch its price move, create a rule by clicking the chart, see the alert
 * arrive in the timeline without reloading, sign in again and find it there once, and see a channel address that
 * is an XSS attempt shown as text. Screenshots of each page, desktop and 375 px wide, go to docs/screenshots/.
 */
class DashboardBrowserTest {

    private static final String SYMBOL = "AAPL";
    private static final Path SCREENSHOTS = RepositoryFiles.ROOT.resolve("docs/screenshots");
    private static final Duration PAGE = Duration.ofSeconds(10);
    private static final Duration FIRST_PRICE = Duration.ofSeconds(60);
    /**
     * An e-mail address the API accepts (no space, one @) that would run its handler if it were ever parsed as
     * HTML: the image fails to load and its onerror sets the flag.
     */
    private static final String XSS = "<img/src=\"x\"/onerror=\"window.xssRan=true\">@example.com";
    /** How long api-service keeps a stream open: short, so the alert stream ends and resumes during the test. */
    private static final Duration STREAM_LIFETIME = Duration.ofSeconds(20);

    private static RunningSystem system;
    private static Browser browser;

    @BeforeAll
    static void startTheSystemAndTheBrowser() throws Exception {
        browser = Browser.start();
        system = RunningSystem.start(Map.of(
                "STOCKALERTS_MARKETDATA_ENABLED", "true",
                "STOCKALERTS_MARKETDATA_PROVIDER", "simulated",
                // a tick a second of a lively walk: the price visibly moves between two looks
                "STOCKALERTS_MARKETDATA_SIMULATED_VOLATILITY", "3",
                "STOCKALERTS_MARKETDATA_SYMBOLS_REFRESH_INTERVAL", "1s",
                "STOCKALERTS_LIVE_CONNECTION_TIMEOUT", STREAM_LIFETIME.toSeconds() + "s"));
    }

    @AfterAll
    static void stopThem() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aUserFollowsTheirPortfolioCreatesARuleOnTheChartAndSeesTheAlertArriveLive() throws Exception {
        // Given the dashboard at the API's root
        browser.driver.get(system.apiUrl() + "/");
        visible(By.id("register"));
        shoot("sign-in");

        // When a user registers, they see their key once, with a copy button and a warning
        type(By.cssSelector("form[aria-labelledby=register-title] input[name=name]"), "Dana <b>Dashboard</b>");
        click(By.id("register"));
        String key = visible(By.id("new-api-key")).getDomProperty("value");
        assertThat(key).startsWith("sa_");
        assertThat(text(By.cssSelector(".warning"))).contains("only this once");
        assertThat(browser.driver.findElements(By.id("copy-key"))).hasSize(1);
        shoot("api-key");
        click(By.id("key-saved"));

        // And an incomplete holding is refused with the problem detail's title and detail
        type(By.name("symbol"), SYMBOL);
        type(By.name("quantity"), "10");
        click(By.id("save-holding"));
        await().atMost(PAGE)
                .until(() -> !text(By.cssSelector("form[aria-labelledby=holding-form-title] [role=alert]"))
                        .isEmpty());
        assertThat(text(By.cssSelector("form[aria-labelledby=holding-form-title] [role=alert]")))
                .startsWithIgnoringCase("Bad Request: ")
                .contains("averageCost");

        // When they complete it: 10 AAPL at 150
        type(By.name("averageCost"), "150");
        click(By.id("save-holding"));

        // Then its price appears and moves, live
        By lastPrice = By.cssSelector("tr[data-symbol=" + SYMBOL + "] td.last-price");
        await().atMost(FIRST_PRICE)
                .ignoreExceptions()
                .until(() -> !text(lastPrice).equals("—"));
        String first = text(lastPrice);
        await().atMost(PAGE).ignoreExceptions().until(() -> !text(lastPrice).equals(first));
        assertThat(text(By.cssSelector("tr[data-symbol=" + SYMBOL + "] td.value")))
                .matches("[0-9,]+\\.[0-9]{2}");
        markPageLoad();
        shoot("portfolio");

        // When they open the symbol's chart and click a price below the market on it
        click(By.linkText(SYMBOL));
        await().atMost(PAGE)
                .ignoreExceptions()
                .until(() -> !text(By.id("symbol-last-price")).equals("—"));
        WebElement plot = visible(By.cssSelector("#chart .u-over"));
        new Actions(browser.driver)
                .moveToElement(plot, 0, plot.getSize().getHeight() / 2 - 8)
                .click()
                .perform();

        // And confirm it in the form as a price-at-or-above rule, once, in-app
        visible(By.id("rule-form"));
        String threshold = browser.driver.findElement(By.id("rule-threshold")).getDomProperty("value");
        assertThat(Double.parseDouble(threshold)).isLessThan(price(text(By.id("symbol-last-price"))));
        click(By.cssSelector("#rule-condition option[value=PRICE_ABOVE]"));
        click(By.cssSelector("#rule-mode option[value=ONCE]"));
        assertThat(browser.driver
                        .findElement(By.cssSelector("#rule-form input[value=IN_APP]"))
                        .isSelected())
                .isTrue();
        click(By.id("create-rule"));

        // Then the rule is drawn and listed, and its alert arrives within 10 s, without a reload
        await().atMost(PAGE)
                .ignoreExceptions()
                .until(() -> text(By.cssSelector(".rule-list")).contains("above"));
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() -> visible(By.id("alert-badge")).getText().equals("1"));
        shoot("symbol");
        click(By.cssSelector("a[data-view=alerts]"));
        List<WebElement> alerts = timeline();
        assertThat(alerts).hasSize(1);
        String alertId = alerts.getFirst().getDomAttribute("data-alert-id");
        assertThat(text(By.cssSelector(".alert-item .message"))).contains(SYMBOL);
        assertThat(text(By.cssSelector(".alert-item .observed"))).startsWith("Observed ");
        assertThat(samePageLoad()).as("the page was not reloaded").isTrue();
        click(By.cssSelector(".alert-item summary"));
        await().atMost(PAGE)
                .until(() -> !text(By.cssSelector(".alert-item .deliveries")).equals("Loading…"));

        // When they sign out, reload, and sign in again with their key
        click(By.id("sign-out"));
        assertThat(browser.driver.executeScript("return sessionStorage.length")).isEqualTo(0L);
        browser.driver.navigate().refresh();
        countAlertStreamConnections();
        type(By.name("apiKey"), key);
        click(By.id("sign-in"));
        visible(By.cssSelector("a[data-view=alerts]"));
        click(By.cssSelector("a[data-view=alerts]"));

        // Then the same alert is there, once, also after the live stream has resumed after it
        await().during(Duration.ofSeconds(3))
                .atMost(PAGE)
                .ignoreExceptions()
                .until(() -> timeline().size() == 1);
        assertThat(timeline().getFirst().getDomAttribute("data-alert-id")).isEqualTo(alertId);
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(key);
        assertThat(browser.driver.manage().getCookies()).isEmpty();
        await().atMost(PAGE).until(() -> text(By.id("live-status")).equals("Live updates: connected"));

        // When the server ends the alert stream (its connection timeout) and the page reconnects, and then a
        // second rule fires
        await().atMost(STREAM_LIFETIME.multipliedBy(2))
                .until(() -> (Long) browser.driver.executeScript("return window.alertStreamConnections") >= 2);
        String rule = "{\"symbol\": \"" + SYMBOL + "\", \"condition\": \"PRICE_ABOVE\", \"threshold\": 0.01,"
                + " \"triggerMode\": \"ONCE\", \"channels\": [\"IN_APP\"]}";
        system.api().call("POST", "/alerts", key, rule);

        // Then the new alert arrives over the resumed stream, and the first one is still there once
        await().atMost(PAGE).ignoreExceptions().until(() -> timeline().size() == 2);
        await().during(Duration.ofSeconds(2))
                .atMost(PAGE)
                .until(() -> timeline().size() == 2);
        List<String> ids = timeline().stream()
                .map(item -> item.getDomAttribute("data-alert-id"))
                .toList();
        assertThat(ids).doesNotHaveDuplicates().contains(alertId).last().isEqualTo(alertId);

        // When they add an e-mail channel whose address is an XSS attempt, and send it a test
        type(By.id("channel-address"), XSS);
        click(By.id("add-channel"));
        By address = By.cssSelector("#channels .address");
        await().atMost(PAGE).ignoreExceptions().until(() -> text(address).equals(XSS));
        assertThat(browser.driver.findElements(By.cssSelector("#channels img"))).isEmpty();
        click(By.xpath("//ul[@id='channels']//button[text()='Send a test']"));
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            String outcome = text(By.cssSelector("#channels .outcome"));
            return !outcome.isEmpty() && !outcome.equals("Sending…");
        });

        // Then it shows as text and runs nothing
        assertThat(browser.driver.findElements(By.cssSelector("#channels img, #channels script")))
                .isEmpty();
        assertThat(browser.driver.executeScript("return window.xssRan === undefined"))
                .isEqualTo(true);
        shoot("alerts");

        // And the Content-Security-Policy refused nothing the dashboard does
        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Content Security Policy"));
    }

    private static List<WebElement> timeline() {
        return await().atMost(PAGE)
                .ignoreExceptions()
                .until(
                        () -> browser.driver.findElements(By.cssSelector("#timeline li.alert-item")),
                        list -> !list.isEmpty());
    }

    /**
     * Counts the connections the page opens to its alert stream from now on ({@code window.alertStreamConnections}),
     * by wrapping {@code fetch}, which the dashboard's modules call through the global each time.
     */
    private static void countAlertStreamConnections() {
        browser.driver.executeScript("""
                window.alertStreamConnections = 0;
                const original = window.fetch;
                window.fetch = (resource, init) => {
                  if (String(resource).endsWith('/alerts/stream')) {
                    window.alertStreamConnections += 1;
                  }
                  return original(resource, init);
                };
                """);
    }

    /** Marks the page as loaded now: {@link #samePageLoad()} is true until it is loaded again. */
    private static void markPageLoad() {
        browser.driver.executeScript("window.loadedOnce = true");
    }

    private static boolean samePageLoad() {
        return Boolean.TRUE.equals(browser.driver.executeScript("return window.loadedOnce === true"));
    }

    private static WebElement visible(By locator) {
        return await().atMost(PAGE).ignoreExceptions().until(findVisible(locator), element -> element != null);
    }

    private static Callable<WebElement> findVisible(By locator) {
        return () -> {
            WebElement element = browser.driver.findElement(locator);
            return element.isDisplayed() ? element : null;
        };
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

    private static double price(String shown) {
        return Double.parseDouble(shown.replace(",", ""));
    }

    /** The page as it is now, desktop and 375 px wide, to docs/screenshots/{name}-desktop.png and -phone.png. */
    private static void shoot(String name) throws Exception {
        browser.screenshot(SCREENSHOTS.resolve(name + "-desktop.png"));
        browser.phone(true);
        await().atMost(PAGE)
                .until(() -> (Long) browser.driver.executeScript("return document.documentElement.clientWidth")
                        == Browser.PHONE_WIDTH);
        assertThat((Long) browser.driver.executeScript("return document.documentElement.scrollWidth"))
                .as("%s fits 375 px", name)
                .isLessThanOrEqualTo(Browser.PHONE_WIDTH);
        browser.screenshot(SCREENSHOTS.resolve(name + "-phone.png"));
        browser.phone(false);
    }
}
