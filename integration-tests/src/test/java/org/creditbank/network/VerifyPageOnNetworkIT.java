package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.network.RunningGateways.Gateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The verification page of a running gateway in headless Chromium ({@link HeadlessChromium}),
 * for credentials the real network issued: an employer opens the link a student sent (the
 * college's page for a credential the college signed: its signature, status lists and ledger
 * record), before and after the college revokes it. Screenshots go to target/verify-on-network/.
 */
class VerifyPageOnNetworkIT {

    private static final String RUN = "PAGE" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final Path SCREENSHOTS = Path.of("target", "verify-on-network");

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
    void anEmployerOpensAStudentsLinkAndSeesValidThenRevokedWithTheReason() {
        ChromeDriver browser = chromium.browser();
        Gateway college = RunningGateways.of("college");
        String registrar = college.registrarToken();
        String id = college.issueCourse(RUN, college.openAccount());
        String credential = college.get("/api/v1/outcomes/" + id + "/credential", registrar).body();
        String link = college.post("/api/v1/credentials/verify", null, credential).json().get("link").asText();
        assertThat(link).startsWith(college.url("/verify?credential="));

        browser.get(link);
        assertThat(chromium.verdict()).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("verdict")).getText()).contains("这份记录是真实有效的");
        for (String passed : new String[] {"SIGNATURE", "ISSUER_TRUSTED", "REVOCATION", "LEDGER_RECORD"}) {
            assertThat(chromium.check(passed)).as(passed).isEqualTo("PASSED");
        }
        // One status entry, revocation (Open Badges 3.0 allows one): the ledger answers for a suspension.
        assertThat(chromium.check("SUSPENSION")).isEqualTo("NOT_CHECKED");
        chromium.screenshot(SCREENSHOTS.resolve("valid.png"));

        college.post("/api/v1/outcomes/" + id + "/revoke", registrar, Map.of("reason", "成绩录入错误 grade entered wrongly"));
        browser.get(link);
        assertThat(chromium.verdict()).isEqualTo("INVALID");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("撤销这份记录", "grade entered wrongly");
        assertThat(chromium.check("REVOCATION")).isEqualTo("FAILED");
        assertThat(chromium.checkText("LEDGER_RECORD")).contains("grade entered wrongly");
        chromium.screenshot(SCREENSHOTS.resolve("revoked.png"));
    }
}
