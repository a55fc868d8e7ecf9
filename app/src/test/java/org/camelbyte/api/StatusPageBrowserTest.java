package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.camelbyte.app.TestApp;
import org.camelbyte.app.TestPostgres;
import org.camelbyte.flow.Runs;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page in a real headless Chromium (Debian's chromium and chromedriver), against the real app
 * with a failed quality gate on record. Tagged "browser": only {@code mvn -B test -Pbrowser} runs it.
 */
@Tag("browser")
class StatusPageBrowserTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 1m }
            pipelines:
              - name: mysql-prod
                connection: mysql (PROD)
                schedule: { cron: "0 0 2 * * ?", timeZone: UTC }
              - name: salesforce-prod
                connection: salesforce (PROD)
              - name: orders-quality-gate
                connection: postgres (PROD)
                dependsOn: mysql-prod
                postSync:
                  dataSource: warehouse
                  checks:
                    - { type: accepted_values, name: only_open_orders, table: public.orders, column: status, values: [new, paid] }
            groups:
              - name: nightly
                pipelines: [mysql-prod, salesforce-prod, orders-quality-gate]
            """;
    private static AirbyteStandIn standIn;
    private static TestApp app;
    private static WebDriver browser;
    private static String failedRunId;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                timeScale: 0.01
                workspaces:
                  - {name: Production}
                connections:
                  - {name: mysql (PROD), workspace: Production, job: [{status: running, seconds: 30, rowsPerSecond: 50}, {status: succeeded}]}
                  - {name: salesforce (PROD), workspace: Production, job: [{status: running, seconds: 30, rowsPerSecond: 20}, {status: succeeded}]}
                  - {name: postgres (PROD), workspace: Production, namespace: public, streams: [orders], job: [{status: running, seconds: 10, rowsPerSecond: 10}, {status: succeeded}]}
                """), 0);
        String warehouse = TestPostgres.newDatabase("warehouse");
        try (Connection c = DriverManager.getConnection(warehouse, "postgres", null);
                Statement st = c.createStatement()) {
            st.execute(
                    "CREATE TABLE public.orders (id int, status text); INSERT INTO public.orders VALUES (1, 'new'), (2, 'shipped')");
        }
        app = TestApp.with(standIn, PIPELINES)
                .property("datasource.warehouse.jdbc-url", warehouse)
                .start();
        failedRunId = app.startRun("orders-quality-gate");
        assertThat(Runs.awaitOutcome(app, failedRunId).path("status").asText()).isEqualTo("failed");
        browser = chromium();
        browser.get(app.request("/").build().uri().toString());
        // the page asks for the token once; the test types it in as a person would
        WebElement secret = waitFor(By.id("secret"));
        secret.sendKeys(TestApp.API_TOKEN);
        browser.findElement(By.cssSelector("#login button[type=submit]")).click();
        waitFor(By.cssSelector("#pipelines .card"));
    }

    @AfterAll
    static void stop() {
        StatusPageBrowserTest.close(browser, app, standIn);
    }

    @Test
    void thePageListsEveryPipelineWithItsConnectionAndSchedule() {
        List<String> names = browser.findElements(By.cssSelector("#pipelines .card h3 span")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(names).containsExactly("mysql-prod", "salesforce-prod", "orders-quality-gate");
        assertThat(browser.findElement(By.id("login")).isDisplayed())
                .as("the sign-in form, once signed in")
                .isFalse();
        String mysql = card("mysql-prod").getText();
        assertThat(mysql).contains("mysql (PROD)", "cron 0 0 2 * * ?", "next in");
        assertThat(browser.findElements(By.cssSelector("#groups svg g.node"))).hasSize(3);
    }

    @Test
    void aFailedRunShowsItsReasonAndTheFailingCheckObservedAgainstExpected() {
        WebElement failure = waitFor(By.cssSelector(".failure[data-run='" + failedRunId + "']"));
        assertThat(failure.findElement(By.className("sentence")).getText()).contains("only_open_orders");
        WebElement check = failure.findElement(By.cssSelector("tr.check"));
        assertThat(check.getText()).contains("only_open_orders", "shipped", "new");
        assertThat(card("orders-quality-gate").findElements(By.cssSelector(".strip span.s-failed")))
                .hasSize(1);
    }

    @Test
    void clickingRunStartsARunThatAppearsOnThePage() {
        card("salesforce-prod").findElement(By.tagName("button")).click();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.runStore().recentRuns("salesforce-prod", 5).size() == 1);
        String runId = app.runStore().recentRuns("salesforce-prod", 5).get(0).getRunId();
        assertThat(app.runStore().recentRuns("salesforce-prod", 5).get(0).getTrigger())
                .isEqualTo("http");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> !card("salesforce-prod")
                        .findElements(By.cssSelector(".strip span"))
                        .isEmpty());
        Runs.awaitOutcome(app, runId);
    }

    @Test
    void theBrowserConsoleHasNoErrors() {
        // after the page has loaded, signed in and refreshed at least once more
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textMatches(By.id("refreshed"), java.util.regex.Pattern.compile("updated")));
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(errors).isEmpty();
    }

    private static WebElement card(String pipeline) {
        return browser.findElement(By.cssSelector("#pipelines .card[data-pipeline='" + pipeline + "']"));
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Closes what a browser test started, the browser first, whichever of them did start. */
    static void close(WebDriver browser, TestApp app, AirbyteStandIn standIn) {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (standIn != null) {
            standIn.close();
        }
    }

    static WebDriver chromium() throws Exception {
        Path profile = Files.createTempDirectory("camelbyte-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1280,1400");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }
}
