package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's day in a real headless Chromium, with {@code api.auth = none} (the local default a developer
 * may expose): a page on another site cannot start a run; the status page keeps keyboard focus and scroll
 * across refreshes and fits a 390 px phone; a pipeline whose run waits behind the open circuit breaker says
 * so, and its Run button says it runs instead of starting a second run on the same job. The breaker test
 * goes last: it leaves Airbyte failing.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorsDayBrowserTest {
    private static final String PIPELINES = """
            defaults: { pollInterval: 100ms, timeout: 10m }
            pipelines:
              - { name: calm, connection: calm (PROD) }
              - { name: stuck, connection: stuck (PROD) }
              - { name: other, connection: calm (PROD) }
              - { name: a-pipeline-with-a-rather-long-name-for-a-phone, connection: broken (PROD), dependsOn: other }
            groups:
              - { name: nightly, pipelines: [calm, other, a-pipeline-with-a-rather-long-name-for-a-phone] }
            """;
    private static AirbyteStandIn standIn;
    private static TestApp app;
    private static WebDriver browser;
    private static HttpServer elsewhere;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                workspaces: [{name: Production}]
                connections:
                  - {name: calm (PROD), workspace: Production, job: [{status: running, seconds: 1}, {status: succeeded}]}
                  - {name: stuck (PROD), workspace: Production, job: [{status: running, seconds: 600}, {status: succeeded}]}
                  - {name: broken (PROD), workspace: Production, job: [{status: running, seconds: 1}, {status: failed, failure: "Destination quota exceeded while writing a_very_long_table_name_without_spaces_to_the_warehouse"}]}
                """), 0);
        app = TestApp.with(standIn, PIPELINES)
                .property("api.auth", "none")
                .property("airbyte.circuit-breaker.window", "6")
                .property("airbyte.circuit-breaker.minimum-calls", "4")
                .property("airbyte.circuit-breaker.open-for", "60s")
                .start();
        // a failure on record and a group run, so the phone layout is measured with every section filled
        String failed = app.startRun("a-pipeline-with-a-rather-long-name-for-a-phone");
        app.post("/api/groups/nightly/runs", "");
        org.camelbyte.flow.Runs.awaitOutcome(app, failed);
        browser = StatusPageBrowserTest.chromium();
    }

    @AfterAll
    static void stop() {
        if (elsewhere != null) {
            elsewhere.stop(0);
        }
        StatusPageBrowserTest.close(browser, app, standIn);
    }

    @Test
    @Order(1)
    void aPageOnAnotherSiteStartsNoRunEvenWithoutCredentials() throws Exception {
        String target = app.request("/api/pipelines/calm/runs").build().uri().toString();
        // another origin (127.0.0.1 against the app's localhost) posting as a no-cors fetch and as a form would
        String page = "<!DOCTYPE html><title>evil</title><iframe name=sink></iframe>"
                + "<form id=f method=POST target=sink enctype=text/plain action='" + target + "'>"
                + "<input name='{\"requestId\":\"x' value='\"}'></form><script>"
                + "fetch('" + target + "', {method: 'POST', mode: 'no-cors', body: '{}'})"
                + ".finally(() => { document.getElementById('f').submit();"
                + " document.querySelector('iframe').onload = () => { document.title = 'sent'; }; });"
                + "</script>";
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();

        browser.get("http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "sent".equals(d.getTitle()));

        assertThat(app.runStore().recentRuns("calm", 5))
                .as("both requests were answered; neither started a run (the group run's is not theirs)")
                .noneMatch(r -> "http".equals(r.getTrigger()));
    }

    @Test
    @Order(2)
    void focusAndScrollSurviveThreeRefreshesAndA390PxPhoneHasNoSidewaysScroll() {
        browser.manage().window().setSize(new Dimension(390, 700));
        browser.get(app.request("/").build().uri().toString());
        WebElement run = waitFor(By.cssSelector("#pipelines .card[data-pipeline='other'] button"));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("arguments[0].focus(); window.scrollTo(0, 120);", run);
        Object scrolled = js.executeScript("return window.scrollY;");

        Set<String> refreshes = new HashSet<>();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            refreshes.add(d.findElement(By.id("refreshed")).getText());
            return refreshes.size() > 3;
        });

        assertThat(js.executeScript("return document.activeElement.closest('[data-pipeline]') === null ? null"
                        + " : document.activeElement.closest('[data-pipeline]').dataset.pipeline"
                        + " + ':' + document.activeElement.textContent;"))
                .as("the focused Run button is still focused")
                .isEqualTo("other:Run");
        assertThat(js.executeScript("return window.scrollY;")).isEqualTo(scrolled);
        assertThat((Long) js.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("horizontal overflow at 390 px")
                .isLessThanOrEqualTo(0L);
    }

    @Test
    @Order(3)
    void aPipelineWaitingBehindTheOpenBreakerSaysSoAndItsRunButtonSaysItRuns() throws Exception {
        browser.manage().window().setSize(new Dimension(1280, 1400));
        browser.get(app.request("/").build().uri().toString());
        String runId = app.startRun("stuck");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> app.run(runId).path("jobId").asLong() > 0);
        CircuitBreaker breaker =
                app.context().getRegistry().lookupByNameAndType("airbyteCircuitBreaker", CircuitBreaker.class);
        standIn.faults().failNext(100_000, 503, "/jobs");
        await().atMost(Duration.ofSeconds(20)).until(() -> breaker.getState() == CircuitBreaker.State.OPEN);

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> card("stuck").getText().contains("Airbyte circuit breaker open"));
        WebElement button = card("stuck").findElement(By.tagName("button"));
        assertThat(button.getText()).isIn("Running", "Queued");
        assertThat(button.isEnabled()).as("no second run on the same job").isFalse();

        // a run that cannot start its job meanwhile waits to retry, and says when
        String waiting = app.startRun("other");
        await().atMost(Duration.ofSeconds(20)).until(() -> app.run(waiting).has("waiting"));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> card("other").getText().matches("(?s).*waiting: retry (in \\d+[smh].*|now).*"));
    }

    private static WebElement card(String pipeline) {
        return browser.findElement(By.cssSelector("#pipelines .card[data-pipeline='" + pipeline + "']"));
    }

    private static WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(by));
    }
}
