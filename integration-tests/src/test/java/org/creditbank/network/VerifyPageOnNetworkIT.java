package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.network.RunningGateways.Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The verification page of a running gateway, in Debian's headless Chromium, for credentials the
 * real network issued: an employer opens the link a student sent (the college's page for a
 * credential the college signed: its signature, status lists and ledger record), before and
 * after the college revokes it.
 * Screenshots go to target/verify-on-network/.
 */
class VerifyPageOnNetworkIT {

    private static final String RUN = "PAGE" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private static final Path SCREENSHOTS = Path.of("target", "verify-on-network");

    private static ChromeDriverService driverService;
    private static ChromeDriver browser;

    @BeforeAll
    static void browser() throws IOException {
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // Flags for a closed network: nothing of Chromium's own reaches out (see the machine notes).
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--window-size=820,1290", "--lang=zh-CN");
        browser = new ChromeDriver(driverService, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
        if (driverService != null) {
            driverService.stop();
        }
    }

    private static String verdictShown() {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#verdict[data-verdict]")))
                .getAttribute("data-verdict");
    }

    private static String check(String name) {
        return browser.findElement(By.cssSelector("#checks tr[data-check='" + name + "']")).getAttribute("data-status");
    }

    @Test
    void anEmployerOpensAStudentsLinkAndSeesValidThenRevokedWithTheReason() throws IOException {
        Gateway college = RunningGateways.of("college");
        String registrar = college.registrarToken();
        String learner = college.post("/api/v1/learners", registrar, "").json().at("/record/accountNo").asText();
        String id = college.post("/api/v1/outcomes", registrar, Drafts.course(RUN, learner)).json().at("/record/id").asText();
        String credential = college.get("/api/v1/outcomes/" + id + "/credential", registrar).body();
        String link = college.post("/api/v1/credentials/verify", null, credential).json().get("link").asText();
        assertThat(link).startsWith(college.url("/verify?credential="));

        browser.get(link);
        assertThat(verdictShown()).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("有效", "VALID");
        for (String passed : new String[] {"SIGNATURE", "ISSUER_TRUSTED", "REVOCATION", "SUSPENSION", "LEDGER_RECORD"}) {
            assertThat(check(passed)).as(passed).isEqualTo("PASSED");
        }
        Files.write(SCREENSHOTS.resolve("valid.png"), browser.getScreenshotAs(OutputType.BYTES));

        college.post("/api/v1/outcomes/" + id + "/revoke", registrar, Map.of("reason", "成绩录入错误 grade entered wrongly"));
        browser.get(link);
        assertThat(verdictShown()).isEqualTo("INVALID");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("签发机构已撤销此凭证");
        assertThat(check("REVOCATION")).isEqualTo("FAILED");
        assertThat(browser.findElement(By.cssSelector("#checks tr[data-check='LEDGER_RECORD']")).getText())
                .contains("grade entered wrongly");
        Files.write(SCREENSHOTS.resolve("revoked.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
