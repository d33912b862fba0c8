package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.network.RunningGateways.Gateway;
import org.creditbank.network.RunningGateways.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The learner's two walks of issue #14 on the running gateways, in headless Chromium: a college
 * learner signs in by activation link, shares a course from the account page, and an HR person
 * opens the short link and sees it verified; a university learner applies in the page for a
 * college course, the university's registrar approves, and the page shows the decision and the
 * recognised credits. Screenshots go to target/learner-walks-on-network/.
 */
class LearnerWalksOnNetworkIT {

    private static final String RUN = "LW" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final Path SCREENSHOTS = Path.of("target", "learner-walks-on-network");

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

    private static WebElement visible(By by) {
        return new WebDriverWait(chromium.browser(), Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void until(Supplier<Boolean> condition) {
        new WebDriverWait(chromium.browser(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    /** Signs the learner in on {@code gateway}'s account page by an activation link from its registrar. */
    private static void signIn(Gateway gateway, String account) {
        Reply activation = gateway.post("/api/v1/learners/" + account + "/activations", gateway.registrarToken(), "");
        assertThat(activation.status()).as(activation.body()).isEqualTo(201);
        chromium.browser().get(activation.json().get("link").asText());
        visible(By.id("open-account")).click();
        visible(By.id("account"));
    }

    private static void check(String formId, String text) {
        visible(By.xpath("//form[@id='" + formId + "']//label[contains(., '" + text + "')]"))
                .findElement(By.tagName("input")).click();
    }

    @Test
    void aLearnerSharesACourseFromTheAccountPageAndTheShortLinkShowsItVerified() {
        ChromeDriver browser = chromium.browser();
        Gateway college = RunningGateways.of("college");
        String learner = college.openAccount();
        college.issueCourse(RUN + "-S", learner);
        signIn(college, learner);

        check("share-form", "数控车床编程");
        browser.findElement(By.id("share-recipient")).sendKeys("深圳精工机械有限公司 HR");
        browser.findElement(By.cssSelector("#share-form button[type=submit]")).click();
        String link = visible(By.id("share-link")).getAttribute("value");
        assertThat(link).startsWith(college.url("/s/")).hasSizeLessThan(200);
        chromium.screenshot(SCREENSHOTS.resolve("share.png"));

        browser.get(link);
        assertThat(chromium.verdict()).isEqualTo("VALID");
        assertThat(visible(By.cssSelector(".record")).getText()).contains("这份记录是真实有效的", "数控车床编程",
                "广州五金职业技术学院");
        chromium.screenshot(SCREENSHOTS.resolve("share-opened.png"));
    }

    @Test
    void aUniversityLearnerAppliesInThePageTheRegistrarApprovesAndThePageShowsTheCredits() {
        ChromeDriver browser = chromium.browser();
        Gateway college = RunningGateways.of("college");
        Gateway university = RunningGateways.of("university");
        String learner = university.openAccount();
        college.issueCourse(RUN + "-A", learner);
        signIn(university, learner);
        assertThat(browser.findElement(By.id("recognised")).getText()).isEqualTo("0");

        check("apply-form", "数控车床编程 · 广州五金职业技术学院");
        browser.findElement(By.id("apply-statement")).sendKeys("我在高职修读了数控车床编程，申请认定为数控加工技术。");
        browser.findElement(By.cssSelector("#apply-form button[type=submit]")).click();
        String id = visible(By.cssSelector("#applications [data-application]")).getAttribute("data-application");
        until(() -> browser.findElement(By.cssSelector("#applications [data-application]")).getText().contains("待审核 Pending"));
        chromium.screenshot(SCREENSHOTS.resolve("applied.png"));

        Reply approved = university.post("/api/v1/recognition-applications/" + id + "/approve", university.registrarToken(),
                Map.of("method", "MANUAL", "target", Map.of("title", "数控加工技术", "courseCode", "ME210"), "credits", 2,
                        "justification", "课程内容与本校数控加工技术一致"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(201);

        browser.navigate().refresh();
        visible(By.cssSelector("#applications [data-application]"));
        until(() -> browser.findElement(By.cssSelector("#applications [data-application]")).getText().contains("已认定 Approved"));
        assertThat(browser.findElement(By.cssSelector("#applications [data-application]")).getText()).contains("数控加工技术 · 2 学分");
        assertThat(browser.findElement(By.id("recognised")).getText()).isEqualTo("2");
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("approved.png"));
    }
}
