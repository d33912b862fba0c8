package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The learner's path in a real browser ({@link HeadlessChromium}, a phone-sized window): the
 * registrar makes an activation code, the learner opens its link, gets their token, and sees their
 * account with the outcome, the university's recognition of it and their progress towards a
 * qualification; then signs out. Screenshots go to target/account-screenshots/ (copies are in
 * docs/screenshots/).
 */
class AccountPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "account-screenshots");

    /** Two schools whose gateways sign credentials, so that the page can offer one to a wallet. */
    private final CredentialNetwork net = new CredentialNetwork();
    private final TestGateway college = net.college;
    private final TestGateway university = net.university;
    private final String registrar = net.collegeRegistrar;
    private final HeadlessChromium chromium = new HeadlessChromium();
    private final ChromeDriver browser = chromium.browser();

    AccountPageTest() throws IOException {
    }

    @AfterEach
    void stop() {
        chromium.close();
        net.close();
    }

    private WebElement visible(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    @Test
    void aLearnerActivatesOnTheirPhoneAndSeesTheirAccountAcrossInstitutions() {
        String account = college.post("/api/v1/learners", registrar, "").json().at("/record/accountNo").asText();
        JsonNode outcome = college.post("/api/v1/outcomes", registrar,
                CanonicalJson.toJson(Drafts.course("2026-CNC-0001", account))).json().get("record");
        college.post("/api/v1/outcomes", registrar, CanonicalJson.toJson(Drafts.course("2026-CNC-0002", account)));
        String universityRegistrar = net.universityRegistrar;
        university.post("/api/v1/rules", universityRegistrar, CanonicalJson.toJson(Drafts.transferRule("CNC-T")));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("localId", "REC-1");
        request.put("learner", account);
        request.put("sourceOutcomeIds", List.of(outcome.get("id").asText()));
        request.put("method", "RULE");
        request.put("ruleCode", "CNC-T");
        request.put("ruleVersion", 1);
        assertThat(university.post("/api/v1/recognitions", universityRegistrar, CanonicalJson.toJson(request)).status())
                .isEqualTo(201);
        assertThat(college.post("/api/v1/qualifications", registrar, CanonicalJson.toJson(Map.of("code", "AD-MECH",
                "title", "机电一体化技术 大专", "totalCredits", 20, "minimumsByCategory", Map.of("专业核心", 12)))).status())
                .isEqualTo(201);
        Reply activation = college.post("/api/v1/learners/" + account + "/activations", registrar, "");
        String link = activation.json().get("link").asText();

        // The learner follows the link (as from a QR code): the code is redeemed without typing.
        browser.get(link);
        visible(By.id("done"));
        assertThat(browser.findElement(By.id("token")).getText()).startsWith("cb_");
        assertThat(browser.getCurrentUrl()).doesNotContain("#"); // the spent code is not kept in the history
        chromium.screenshot(SCREENSHOTS.resolve("learner-activated.png"));

        browser.findElement(By.id("open-account")).click();
        WebElement card = visible(By.cssSelector("[data-outcome='" + outcome.get("id").asText() + "']"));
        assertThat(card.getText()).contains("数控车床编程", "广州五金职业技术学院", "3 学分", "有效 Active");
        assertThat(browser.findElement(By.id("earned")).getText()).isEqualTo("6");
        assertThat(browser.findElement(By.id("recognised")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.id("recognitions")).getText())
                .contains("数控加工技术", "应用技术大学", "来源 Source: 数控车床编程 · 广州五金职业技术学院");

        browser.findElement(By.id("follow-owner")).sendKeys("CollegeMSP");
        browser.findElement(By.id("follow-code")).sendKeys("AD-MECH");
        browser.findElement(By.cssSelector("#follow-form button")).click();
        WebElement progress = visible(By.cssSelector("[data-qualification='AD-MECH']"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> progress.getText().contains("6 / 20"));
        assertThat(progress.getText()).contains("机电一体化技术 大专", "尚缺 Missing");
        chromium.screenshot(SCREENSHOTS.resolve("learner-account.png"));

        // Add to wallet: a one-time offer's links, opened by the wallet app on the same phone.
        card.findElement(By.xpath(".//button[contains(., 'Add to wallet')]")).click();
        WebElement wallet = visible(By.cssSelector("[data-outcome='" + outcome.get("id").asText() + "'] .wallet"));
        assertThat(wallet.findElement(By.tagName("a")).getAttribute("href")).startsWith("openid-credential-offer://");
        browser.executeScript("arguments[0].scrollIntoView()", wallet);
        chromium.screenshot(SCREENSHOTS.resolve("learner-wallet.png"));

        long size = (Long) browser.executeScript("return performance.getEntriesByType('resource')"
                + ".concat(performance.getEntriesByType('navigation')).filter(function (e) { return e.initiatorType !== "
                + "'fetch'; }).reduce(function (n, e) { return n + e.decodedBodySize; }, 0)");
        assertThat(size).as("the page and its script and style").isLessThan(300 * 1024);

        browser.findElement(By.id("sign-out")).click();
        visible(By.id("activate-form"));
        browser.get(college.url("/account"));
        assertThat(visible(By.id("signed-out")).getText()).contains("Activate with your code");
    }
}
