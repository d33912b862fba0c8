package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.CredentialNetwork.course;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An HR person opens a learner's share link ({@code /s/{id}}) in a real browser at phone width and
 * reads what was verified: the achievement, the institution, the credits and the verdict in plain
 * words; in English too; on paper with the link's QR code; and, once the learner withdraws it, that
 * the link no longer shows anything. Screenshots go to target/share-screenshots/ (copies are in
 * docs/screenshots/).
 */
class SharePageTest {

    private static final Path SCREENSHOTS = Path.of("target", "share-screenshots");

    private static CredentialNetwork net;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        net = new CredentialNetwork();
        chromium = new HeadlessChromium();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (net != null) {
            net.close();
        }
    }

    /** A learner with two courses, one shared with a recipient: the share's link. */
    private static String sharedLink(String prefix, String learner, String learnerToken) {
        String cnc = net.issue(course(prefix + "-1", learner)).get("id").asText();
        Map<String, Object> welding = course(prefix + "-2", learner);
        welding.put("achievementCode", "WLD201");
        welding.put("achievementTitle", "焊接工艺与实训");
        welding.put("credits", 2);
        welding.put("hours", 32);
        welding.put("result", Map.of("scale", "LETTER", "value", "A"));
        welding.put("evidenceUri", "https://college.example/evidence/" + prefix + "-2.pdf");
        String weld = net.issue(welding).get("id").asText();
        Reply created = net.college.post("/api/v1/shares", learnerToken, CanonicalJson.toJson(Map.of(
                "outcomeIds", List.of(cnc, weld), "recipient", "深圳精工机械有限公司 HR")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("link").asText();
    }

    private static List<WebElement> records() {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".record")).isEmpty());
        return browser.findElements(By.cssSelector(".record"));
    }

    @Test
    void anHrPersonOpensTheShortLinkOnAPhoneAndReadsWhatWasVerified() {
        String learner = net.openAccount();
        String link = sharedLink("SP", learner, net.college.token(TokenRole.LEARNER, "gateway", learner));
        assertThat(link).hasSizeLessThan(200);

        browser.get(link);

        assertThat(chromium.verdict()).isEqualTo("VALID");
        List<WebElement> records = records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).getText()).contains("✔ 这份记录是真实有效的", "数控车床编程", "CNC101",
                "广州五金职业技术学院", "Guangzhou Hardware Vocational College", "学分\n3", "48 学时", "第 4 级",
                "86 / 100", "2026年3月1日 – 2026年7月1日", "匿名学习者", learner);
        assertThat(records.get(1).getText()).contains("焊接工艺与实训", "学分\n2", "32 学时", "成绩\nA", "查看证明材料");
        assertThat(records.get(1).findElement(By.linkText("查看证明材料")).getAttribute("rel")).contains("noreferrer");
        assertThat(browser.findElement(By.id("intro")).getText()).contains("深圳精工机械有限公司 HR", "2 条学习记录");
        assertThat(records.get(0).getText()).as("technical details are folded away").doesNotContain("did:web", "LEDGER_RECORD");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                ((ChromeDriver) d).executeScript("return document.getElementById('qr').naturalWidth > 0")));
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("share-phone.png"));

        // Keyboard only: the technical details open from the keyboard.
        WebElement summary = records.get(0).findElement(By.tagName("summary"));
        for (int i = 0; i < 12 && !summary.equals(browser.switchTo().activeElement()); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement()).as("the details are reached with Tab").isEqualTo(summary);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        assertThat(records.get(0).getText()).contains("did:web", "ecdsa-rdfc-2019");

        browser.findElement(By.id("lang")).click();
        assertThat(records().get(0).getText()).contains("✔ This record is genuine and valid", "Issued by Guangzhou Hardware"
                + " Vocational College", "Pseudonymous learner", "Credits\n3", "48 hours", "1 March 2026 – 1 July 2026");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("share-phone-english.png"));

        chromium.print();
        try {
            assertThat(browser.findElement(By.id("qr")).isDisplayed()).as("the printed page carries the QR code").isTrue();
            assertThat(browser.findElement(By.id("lang")).isDisplayed()).isFalse();
            chromium.fullPageScreenshot(SCREENSHOTS.resolve("share-print.png"));
        } finally {
            chromium.screen();
        }
    }

    @Test
    void aRecordRevokedAfterSharingIsShownRevokedByTheCollegeWithTheDateAndReason() {
        String learner = net.openAccount();
        String token = net.college.token(TokenRole.LEARNER, "gateway", learner);
        String link = sharedLink("SR", learner, token);
        String first = net.college.get("/api/v1/shares", token).json().get(0).get("outcomeIds").get(0).asText();
        net.changeStatus(first, "revoke", "成绩录入错误 grade entered wrongly");

        browser.get(link + "?lang=zh");

        assertThat(chromium.verdict()).isEqualTo("INVALID");
        assertThat(records().get(0).getText()).contains("✘ 这份记录无效",
                "广州五金职业技术学院已于2026年9月1日撤销这份记录。原因：成绩录入错误 grade entered wrongly");
        assertThat(records().get(1).getText()).contains("✔ 这份记录是真实有效的");
        chromium.fullPageScreenshot(SCREENSHOTS.resolve("share-revoked.png"));
    }

    @Test
    void onceTheLearnerWithdrawsTheShareTheLinkShowsNothingButThat() {
        String learner = net.openAccount();
        String token = net.college.token(TokenRole.LEARNER, "gateway", learner);
        String link = sharedLink("SW", learner, token);
        JsonNode share = net.college.get("/api/v1/shares", token).json().get(0);
        assertThat(net.college.post("/api/v1/shares/" + share.get("id").asText() + "/withdraw", token, "").status())
                .isEqualTo(200);

        browser.get(link);

        WebElement error = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            WebElement e = d.findElement(By.id("error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).contains("这个分享链接已被学习者撤回、已过期，或不存在");
        assertThat(browser.findElements(By.cssSelector(".record"))).isEmpty();
        assertThat(browser.findElement(By.id("qr-box")).isDisplayed()).isFalse();
        chromium.screenshot(SCREENSHOTS.resolve("share-withdrawn.png"));
    }

    /** Issue #14: no page heavier than 300 KB (before images). */
    @Test
    void theSharePageWithItsScriptAndStyleIsUnder300Kilobytes() {
        long bytes = 0;
        for (String path : List.of("/s/AAAAAAAAAAAAAAAAAAAAAA", "/verify/verify.js", "/verify/verify.css")) {
            Reply r = net.college.get(path, null);
            assertThat(r.status()).isEqualTo(200);
            bytes += r.text().getBytes(StandardCharsets.UTF_8).length;
        }
        assertThat(bytes).isLessThan(300_000);
    }
}
