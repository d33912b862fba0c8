package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditbank.gateway.auth.TokenRegistry;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.network.RunningGateways.Gateway;
import org.creditbank.network.RunningGateways.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #14's verifier walk on the real network, in headless Chromium: a learner shares a course
 * the college issued; an HR person opens the short link on a phone and reads the achievement, the
 * college, the credits and that the record is genuine; the college revokes it and the page says so
 * with the reason; the learner withdraws the share and the link shows nothing more. Screenshots go
 * to target/share-on-network/.
 */
class SharePageOnNetworkIT {

    private static final String RUN = "SHARE" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final Path SCREENSHOTS = Path.of("target", "share-on-network");

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
    void aLearnerSharesACourseAndAnHrPersonOpensTheShortLinkAndSeesItVerified() throws InterruptedException {
        ChromeDriver browser = chromium.browser();
        Gateway college = RunningGateways.of("college");
        String learner = college.openAccount();
        String id = college.issueCourse(RUN, learner);
        String student = TokenRegistry.open(RunningGateways.tokensFile("college"))
                .create(TokenRole.LEARNER, "gateway", learner, "network test " + RUN);

        Reply created = shareWithin(college, student, id);
        String link = created.json().get("link").asText();
        assertThat(link).startsWith(college.url("/s/")).hasSizeLessThan(200);

        browser.get(link);
        assertThat(chromium.verdict()).isEqualTo("VALID");
        WebElement record = browser.findElement(By.cssSelector(".record"));
        assertThat(record.getText()).contains("这份记录是真实有效的", "数控车床编程", "学分\n3", "匿名学习者", learner);
        assertThat(browser.findElement(By.id("intro")).getText()).contains("某某公司 HR");
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("valid.png"));

        college.post("/api/v1/outcomes/" + id + "/revoke", college.registrarToken(), Map.of("reason", "成绩录入错误 grade entered wrongly"));
        browser.get(link);
        assertThat(chromium.verdict()).isEqualTo("INVALID");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("撤销这份记录", "grade entered wrongly");
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("revoked.png"));

        String share = created.json().at("/share/id").asText();
        assertThat(college.post("/api/v1/shares/" + share + "/withdraw", student, "").status()).isEqualTo(200);
        browser.get(link);
        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            WebElement e = d.findElement(By.id("error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).contains("已被学习者撤回");
        chromium.screenshot(SCREENSHOTS.resolve("withdrawn.png"));
    }

    /** The share, once the gateway has read the new learner token (it re-reads its token file within seconds). */
    private static Reply shareWithin(Gateway college, String student, String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Reply r;
        do {
            r = college.post("/api/v1/shares", student, Map.of("outcomeIds", List.of(id), "recipient", "某某公司 HR"));
            if (r.status() == 201) {
                return r;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the learner could not share: " + r.body());
    }
}
