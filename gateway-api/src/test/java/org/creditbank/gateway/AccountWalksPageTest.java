package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.CredentialNetwork.course;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.creditbank.gateway.testing.HeadlessChromium;

/**
 * The two walks a learner makes from their account page, in a real browser at phone width: they
 * share a record and whoever opens the short link sees it verified; and, as a learner of the
 * university, they apply for a college course to be recognised, the registrar approves, and the
 * page shows the decision and the recognised credits. Screenshots go to
 * target/account-screenshots/ (copies are in docs/screenshots/).
 */
class AccountWalksPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "account-screenshots");

    private final CredentialNetwork net = new CredentialNetwork();
    private final HeadlessChromium chromium = new HeadlessChromium();
    private final ChromeDriver browser = chromium.browser();

    AccountWalksPageTest() throws IOException {
    }

    @AfterEach
    void stop() {
        chromium.close();
        net.close();
    }

    private WebElement visible(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private void until(java.util.function.Supplier<Boolean> condition) {
        // The page re-renders its lists: an element found a moment ago may be replaced while it is read.
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.get());
    }

    /** Signs the learner in on {@code gateway}'s account page with an activation link from its registrar. */
    private void signIn(TestGateway gateway, String registrar, String account) {
        Reply activation = gateway.post("/api/v1/learners/" + account + "/activations", registrar, "");
        assertThat(activation.status()).as(activation.text()).isEqualTo(201);
        browser.get(activation.json().get("link").asText());
        visible(By.id("open-account")).click();
        visible(By.id("account"));
    }

    private void check(String formId, String text) {
        WebElement label = visible(By.xpath("//form[@id='" + formId + "']//label[contains(., '" + text + "')]"));
        label.findElement(By.tagName("input")).click();
    }

    @Test
    void aLearnerSharesAnOutcomeAndTheShortLinkShowsItVerified() {
        String account = net.openAccount();
        net.issue(course("AW-1", account));
        signIn(net.college, net.collegeRegistrar, account);

        check("share-form", "数控车床编程");
        browser.findElement(By.id("share-recipient")).sendKeys("深圳精工机械有限公司 HR");
        browser.findElement(By.cssSelector("#share-form button[type=submit]")).click();
        String link = visible(By.id("share-link")).getAttribute("value");
        assertThat(link).contains("/s/").hasSizeLessThan(200);
        until(() -> Boolean.TRUE.equals(browser.executeScript("return document.getElementById('share-qr').naturalWidth > 0")));
        WebElement mine = visible(By.cssSelector("#shares [data-share]"));
        assertThat(mine.getText()).contains("深圳精工机械有限公司 HR", "有效 Open", "1 条记录", "已被打开 0 次");
        browser.executeScript("document.getElementById('share-made').scrollIntoView()");
        chromium.screenshot(SCREENSHOTS.resolve("learner-share.png"));

        browser.get(link);
        assertThat(chromium.verdict()).isEqualTo("VALID");
        WebElement record = visible(By.cssSelector(".record"));
        assertThat(record.getText()).contains("✔ 这份记录是真实有效的", "数控车床编程", "广州五金职业技术学院");

        // Back on the account: the share was opened once; withdrawn, the link shows nothing.
        browser.get(net.college.url("/account"));
        WebElement opened = visible(By.cssSelector("#shares [data-share]"));
        assertThat(opened.getText()).contains("已被打开 1 次");
        opened.findElement(By.xpath(".//button[contains(., 'Withdraw')]")).click();
        until(() -> browser.findElement(By.cssSelector("#shares [data-share]")).getText().contains("已撤回 Withdrawn"));
        assertThat(browser.findElements(By.cssSelector("#shares button"))).isEmpty();
        browser.get(link);
        assertThat(visible(By.id("error")).getText()).contains("这个分享链接已被学习者撤回");
    }

    @Test
    void aUniversityLearnerAppliesForACollegeCourseAndSeesTheApprovalAndTheCredits() {
        Reply opened = net.university.post("/api/v1/learners", net.universityRegistrar, "");
        String account = opened.json().at("/record/accountNo").asText();
        net.issue(course("AW-2", account));
        signIn(net.university, net.universityRegistrar, account);
        assertThat(browser.findElement(By.id("share-choices")).getText())
                .as("the college's course is not the university's to sign").contains("No record of this institution");
        assertThat(browser.findElement(By.id("recognised")).getText()).isEqualTo("0");

        check("apply-form", "数控车床编程 · 广州五金职业技术学院");
        browser.findElement(By.id("apply-statement")).sendKeys("我在高职修读了数控车床编程，申请认定为数控加工技术。");
        browser.findElement(By.cssSelector("#apply-form button[type=submit]")).click();
        WebElement application = visible(By.cssSelector("#applications [data-application]"));
        assertThat(application.getText()).contains("待审核 Pending", "数控车床编程 · 广州五金职业技术学院", "应用技术大学",
                "我在高职修读了数控车床编程");
        assertThat(application.findElements(By.xpath(".//button[contains(., 'Withdraw')]"))).hasSize(1);
        WebElement source = browser.findElement(By.cssSelector("#apply-choices input[name=source]"));
        assertThat(source.isEnabled()).as("an outcome already applied with is not offered again").isFalse();
        assertThat(source.findElement(By.xpath("..")).getText()).contains("待审核 Pending");
        browser.executeScript("arguments[0].scrollIntoView()", application);
        chromium.screenshot(SCREENSHOTS.resolve("learner-apply.png"));

        String id = application.getAttribute("data-application");
        Reply approved = net.university.post("/api/v1/recognition-applications/" + id + "/approve", net.universityRegistrar,
                CanonicalJson.toJson(Map.of("method", "MANUAL", "target", Map.of("title", "数控加工技术", "courseCode",
                        "ME210"), "credits", 2, "justification", "课程内容与本校数控加工技术一致")));
        assertThat(approved.status()).as(approved.text()).isEqualTo(201);

        browser.navigate().refresh();
        visible(By.cssSelector("#applications [data-application]"));
        until(() -> browser.findElement(By.cssSelector("#applications [data-application]")).getText().contains("已认定 Approved"));
        WebElement decided = browser.findElement(By.cssSelector("#applications [data-application]"));
        assertThat(decided.getText()).contains("认定为 Recognised as: 数控加工技术 · 2 学分");
        assertThat(decided.findElements(By.tagName("button"))).as("a decided application cannot be withdrawn").isEmpty();
        assertThat(browser.findElement(By.id("recognised")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("recognitions")).getText()).contains("数控加工技术", "应用技术大学");
        // The whole page: the totals at the top and the decision below, as the learner scrolls through them.
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("learner-approved.png"));
        assertThat(List.of(browser.findElement(By.id("share-choices")).getText()))
                .as("the recognition is the university's: now it can be shared").anyMatch(t -> t.contains("数控加工技术"));
    }
}
