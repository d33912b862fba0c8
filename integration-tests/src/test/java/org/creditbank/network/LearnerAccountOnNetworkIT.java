package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.network.RunningGateways.Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A learner's first visit on a running gateway in headless Chromium ({@link HeadlessChromium}):
 * the college's registrar makes an activation code, the learner opens its link, gets their own
 * token and sees the outcome the college issued on the real network in their account.
 * Screenshots go to target/learner-on-network/.
 */
class LearnerAccountOnNetworkIT {

    private static final String RUN = "ACC" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final Path SCREENSHOTS = Path.of("target", "learner-on-network");

    private static HeadlessChromium chromium;

    @BeforeAll
    static void browser() {
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aLearnerFollowsTheirActivationLinkAndSeesTheOutcomeInTheirAccount() {
        ChromeDriver browser = chromium.browser();
        Gateway college = RunningGateways.of("college");
        String learner = college.openAccount();
        String id = college.issueCourse(RUN, learner);
        String link = college.post("/api/v1/learners/" + learner + "/activations", college.registrarToken(), "").json()
                .get("link").asText();

        browser.get(link);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        chromium.screenshot(SCREENSHOTS.resolve("activated.png"));
        browser.findElement(By.id("open-account")).click();
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-outcome='" + id + "']")));
        assertThat(card.getText()).contains("数控车床编程", "有效 Active");
        assertThat(browser.findElement(By.id("account-no")).getText()).isEqualTo(learner);
        chromium.screenshot(SCREENSHOTS.resolve("account.png"));

        // The same link again is spent.
        browser.get(link);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText())
                .contains("already used");
    }
}
