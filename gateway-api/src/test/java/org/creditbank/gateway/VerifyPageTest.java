package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.CredentialNetwork.course;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.creditbank.gateway.auth.TokenRole;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The verification page in a real browser ({@link HeadlessChromium}). A valid, a revoked, a
 * suspended and a tampered credential each show what the record is and the verdict in plain words,
 * with the checks folded away; screenshots of the
 * valid, revoked and tampered ones go to target/verify-screenshots/ (copies are in docs/).
 */
class VerifyPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "verify-screenshots");

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

    private String credential(String localId, String learner) {
        return net.credential(net.issue(course(localId, learner)).get("id").asText(), learner);
    }

    private static void screenshot(String name) {
        chromium.screenshot(SCREENSHOTS.resolve(name));
    }

    private static void waitForQr() {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id("qr")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                ((ChromeDriver) d).executeScript("return document.getElementById('qr').naturalWidth > 0")));
    }

    @Test
    void aValidCredentialOpenedFromItsLinkShowsValidItsChecksAndItsQrCode() throws IOException {
        String learner = net.openAccount();
        String link = CredentialNetwork.verify(net.college, credential("P-1", learner)).get("link").asText();

        browser.get(link);

        assertThat(chromium.verdict()).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("这份记录是真实有效的");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("由广州五金职业技术学院签发", "签发后未被改动");
        // What was verified, as a document: achievement, institution (with its English name), credits, result, dates.
        String shown = browser.findElement(By.cssSelector(".record")).getText();
        assertThat(shown).contains("数控车床编程", "CNC101", "广州五金职业技术学院", "Guangzhou Hardware Vocational College",
                "学分", "3", "课程", "86 / 100", "2026年3月1日", "匿名学习者", learner);
        assertThat(shown).as("technical details are folded away").doesNotContain("did:web", "ecdsa-rdfc-2019");
        for (String check : List.of("WELL_FORMED", "SIGNATURE", "ISSUER_TRUSTED", "VALIDITY_PERIOD", "REVOCATION",
                "LEDGER_RECORD")) {
            assertThat(chromium.check(check)).as(check).isEqualTo("PASSED");
        }
        // The credential has one status entry, revocation; the page says the ledger answers for a suspension.
        assertThat(chromium.check("SUSPENSION")).isEqualTo("NOT_CHECKED");
        assertThat(chromium.checkText("SUSPENSION")).contains("Open Badges 3.0 allows one status entry", "LEDGER_RECORD");
        waitForQr();
        assertThat(browser.findElement(By.id("link")).getAttribute("href")).isEqualTo(link);
        screenshot("verify-valid.png");
    }

    @Test
    void aRevokedCredentialShowsInvalidAndThatTheIssuerRevokedIt() throws IOException {
        String learner = net.openAccount();
        JsonNode outcome = net.issue(course("P-2", learner));
        String id = outcome.get("id").asText();
        String link = CredentialNetwork.verify(net.college, net.credential(id, learner)).get("link").asText();
        net.changeStatus(id, "revoke", "成绩录入错误 grade entered wrongly");

        browser.get(link);

        assertThat(chromium.verdict()).isEqualTo("INVALID");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("这份记录无效");
        assertThat(browser.findElement(By.id("summary")).getText())
                .contains("广州五金职业技术学院", "撤销这份记录", "成绩录入错误 grade entered wrongly");
        assertThat(chromium.check("REVOCATION")).isEqualTo("FAILED");
        assertThat(chromium.check("LEDGER_RECORD")).isEqualTo("FAILED");
        assertThat(chromium.checkText("LEDGER_RECORD")).contains("grade entered wrongly");
        screenshot("verify-revoked.png");
    }

    /** A suspension is on the ledger only (the credential names no suspension list): the page shows it from there. */
    @Test
    void aSuspendedCredentialShowsInvalidWithTheRegistrarsReasonFromTheLedger() {
        String learner = net.openAccount();
        String id = net.issue(course("P-6", learner)).get("id").asText();
        String link = CredentialNetwork.verify(net.college, net.credential(id, learner)).get("link").asText();
        net.changeStatus(id, "suspend", "复核中 under review");

        browser.get(link);

        assertThat(chromium.verdict()).isEqualTo("INVALID");
        assertThat(chromium.check("LEDGER_RECORD")).isEqualTo("FAILED");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("暂停这份记录", "复核中 under review");
        assertThat(chromium.checkText("LEDGER_RECORD")).contains("复核中 under review");
        assertThat(chromium.check("REVOCATION")).isEqualTo("PASSED");
        assertThat(chromium.check("SUSPENSION")).isEqualTo("NOT_CHECKED");
    }

    /** A transcript entry revoked after the transcript was signed: the page says invalid, with the issuer's reason. */
    @Test
    void aTranscriptEntryRevokedAfterSigningShowsInvalidWithTheReason() {
        String learner = net.openAccount();
        String id = net.issue(course("P-5", learner)).get("id").asText();
        String presentation = net.college.get("/api/v1/learners/" + learner + "/transcript-credential?disclose=" + id,
                net.college.token(TokenRole.LEARNER, "gateway", learner)).text();
        net.changeStatus(id, "revoke", "证书作废 certificate withdrawn");
        String link = CredentialNetwork.verify(net.college, presentation).get("link").asText();

        browser.get(link);

        assertThat(chromium.verdict()).isEqualTo("INVALID");
        assertThat(chromium.check("DISCLOSED_ENTRIES")).isEqualTo("PASSED");
        assertThat(chromium.check("LEDGER_RECORD")).isEqualTo("FAILED");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("certificate withdrawn");
        assertThat(chromium.checkText("LEDGER_RECORD")).contains(id, "certificate withdrawn");
    }

    @Test
    void aTamperedCredentialPastedIntoThePageShowsInvalidAndThatItWasAltered() throws IOException {
        String learner = net.openAccount();
        ObjectNode vc = (ObjectNode) CanonicalJson.read(credential("P-3", learner), JsonNode.class);
        ((ObjectNode) vc.get("credentialSubject")).put("creditsEarned", 30);

        browser.get(net.college.url("/verify"));
        WebElement input = browser.findElement(By.id("credential-input"));
        browser.executeScript("arguments[0].value = arguments[1]", input, vc.toPrettyString());
        browser.findElement(By.id("verify-button")).click();

        assertThat(chromium.verdict()).isEqualTo("INVALID");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("这份记录在签发后被改动过，内容不可信");
        assertThat(chromium.check("SIGNATURE")).isEqualTo("FAILED");
        assertThat(chromium.check("LEDGER_RECORD")).isEqualTo("NOT_CHECKED");
        screenshot("verify-tampered.png");
    }

    @Test
    void anUploadedFileIsVerified() throws IOException {
        String learner = net.openAccount();
        Path file = Files.createTempFile("credential", ".json");
        Files.writeString(file, credential("P-4", learner));

        browser.get(net.college.url("/verify"));
        browser.findElement(By.id("credential-file")).sendKeys(file.toAbsolutePath().toString());

        assertThat(chromium.verdict()).isEqualTo("VALID");
    }
}
