package org.camelbyte.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.logging.Level;
import org.camelbyte.app.TestApp;
import org.camelbyte.standin.AirbyteStandIn;
import org.camelbyte.standin.StandInScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** With {@code api.auth = none} the page asks for nothing and shows the pipelines at once. */
@Tag("browser")
class OpenStatusPageBrowserTest {
    private static AirbyteStandIn standIn;
    private static TestApp app;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        standIn = AirbyteStandIn.start(StandInScenario.fromYaml("""
                workspaces:
                  - {name: Production}
                connections:
                  - {name: mysql (PROD), workspace: Production}
                """), 0);
        app = TestApp.with(standIn, "pipelines:\n  - name: mysql-prod\n    connection: mysql (PROD)\n")
                .property("api.auth", "none")
                .start();
        browser = StatusPageBrowserTest.chromium();
    }

    @AfterAll
    static void stop() {
        StatusPageBrowserTest.close(browser, app, standIn);
    }

    @Test
    void thePageShowsThePipelinesWithoutAskingForCredentials() {
        browser.get(app.request("/").build().uri().toString());

        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#pipelines .card[data-pipeline='mysql-prod']")));
        assertThat(browser.findElement(By.id("login")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("signout")).isDisplayed()).isFalse();
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .noneMatch(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue());
    }
}
