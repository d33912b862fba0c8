package org.creditbank.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The registrar's console of a running gateway in headless Chromium ({@link HeadlessChromium}),
 * on the real network: the university's registrar signs in with the gateway's registrar token,
 * checks a term's CSV with a bad row, sees row 3 marked with its reason, fixes it, imports and
 * sees 3 records created; then approves, by the transfer rule, an application in which a learner
 * asks the university to recognise a college course. Screenshots go to target/registrar-on-network/.
 */
class RegistrarConsoleOnNetworkIT {

    private static final String RUN = "REG" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private static final Path SCREENSHOTS = Path.of("target", "registrar-on-network");
    private static final String HEADER = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,"
            + "resultValue,activityStart,activityEnd,evidenceHash\n";
    private static final String EVIDENCE = "a".repeat(64);

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
    void theRegistrarFixesTheMarkedRowImportsTheTermAndApprovesAnApplication() throws IOException, InterruptedException {
        ChromeDriver browser = chromium.browser();
        Gateway college = RunningGateways.of("college");
        Gateway university = RunningGateways.of("university");
        String learner = university.openAccount();
        Path term = Files.createTempDirectory("term").resolve(RUN + ".csv");

        browser.get(university.url("/registrar"));
        browser.findElement(By.id("token-input")).sendKeys(university.registrarToken());
        browser.findElement(By.id("sign-in-button")).click();
        visible(browser, By.id("console"));

        Files.writeString(term, HEADER + row(1, learner, "3") + row(2, learner, "三") + row(3, learner, "2.5"),
                StandardCharsets.UTF_8);
        browser.findElement(By.id("file-input")).sendKeys(term.toString());
        browser.findElement(By.id("dry-run-button")).click();
        WebElement refused = visible(browser, By.cssSelector("#report-table tr[data-status='refused']"));
        assertThat(refused.getAttribute("data-row")).isEqualTo("3");
        assertThat(refused.getText()).contains("credits", "三");
        assertThat(browser.findElement(By.id("import-button")).isEnabled()).isFalse();
        chromium.screenshot(SCREENSHOTS.resolve("1-check-finds-row-3.png"));

        Files.writeString(term, HEADER + row(1, learner, "3") + row(2, learner, "3") + row(3, learner, "2.5"),
                StandardCharsets.UTF_8);
        browser.findElement(By.id("file-input")).sendKeys(term.toString());
        browser.findElement(By.id("dry-run-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("import-button")).isEnabled());
        browser.findElement(By.id("import-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("import-summary"), "导入完成"));
        assertThat(browser.findElement(By.id("import-summary")).getText()).contains("新增 3 行");
        chromium.screenshot(SCREENSHOTS.resolve("2-imported.png"));

        // The application is in the registrar's queue at once: the list (the read model's) waits for
        // the block of the university gateway's newest write, the learner's application.
        String application = applicationForACollegeCourse(college, university, learner);
        assertThat(university.get("/api/v1/recognition-applications?status=PENDING", university.registrarToken()).body())
                .contains(application);
        browser.findElement(By.id("tab-applications")).click();
        WebElement waiting = visible(browser, By.cssSelector("#pending-applications tr[data-id='" + application + "']"));
        assertThat(waiting.getText()).contains(learner, "我在高职修读了数控课程");
        waiting.findElement(By.tagName("button")).click();
        visible(browser, By.id("assessment"));
        chromium.screenshot(SCREENSHOTS.resolve("3-application.png"));
        browser.findElement(By.id("approve-manual-open")).click();
        browser.findElement(By.id("manual-course")).sendKeys("ME210");
        browser.findElement(By.id("manual-title")).sendKeys("数控加工技术");
        browser.findElement(By.id("manual-credits")).sendKeys("2");
        browser.findElement(By.id("manual-justification")).sendKeys("课程内容一致 " + RUN);
        browser.findElement(By.id("manual-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("application-message"), "已批准"));
        assertThat(university.get("/api/v1/recognition-applications/" + application, university.registrarToken()).json()
                .at("/application/status").asText()).isEqualTo("APPROVED");
        // Decided, it has left the queue, on the page (reloaded after the decision) and in the list.
        assertThat(browser.findElements(By.cssSelector("#pending-applications tr[data-id='" + application + "']"))).isEmpty();
        assertThat(university.get("/api/v1/recognition-applications?status=PENDING", university.registrarToken()).body())
                .doesNotContain(application);
        assertThat(university.get("/api/v1/recognition-applications?status=APPROVED", university.registrarToken()).body())
                .contains(application);
        university.get("/api/v1/recognition-applications?status=LOST", university.registrarToken())
                .assertProblem(400, "INVALID_FIELD");
        assertThat(university.get("/api/v1/learners/" + learner + "/transcript", university.registrarToken()).json()
                .get("outcomes")).hasSize(4);

        // The learner asks the registry to erase their personal data: found by student number, erased, records kept.
        String personal = "/api/v1/learners/" + learner + "/personal-data";
        String studentNumber = "E" + RUN;
        Reply kept = university.post(personal, university.registrarToken(), Map.of("name", "赵小雨", "studentNumber", studentNumber));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        browser.findElement(By.id("tab-learners")).click();
        browser.findElement(By.id("find-input")).sendKeys(studentNumber, Keys.ENTER);
        visible(browser, By.id("learner-summary"));
        assertThat(browser.findElement(By.id("learner-summary")).getText()).contains(studentNumber);
        browser.findElement(By.id("erase-open")).click();
        visible(browser, By.id("erase-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("learner-message"), "已删除"));
        chromium.screenshot(SCREENSHOTS.resolve("4-personal-data-erased.png"));
        university.get(personal, university.registrarToken()).assertProblem(404, "NOT_FOUND");
        assertThat(browser.findElement(By.id("learner-summary")).getText()).doesNotContain(studentNumber);
        assertThat(university.get("/api/v1/learners/" + learner + "/transcript", university.registrarToken()).json()
                .get("outcomes")).hasSize(4);
    }

    private static String row(int n, String learner, String credits) {
        return RUN + "-" + n + "," + learner + ",COURSE,ME10" + n + ",机械基础 第" + n + "部分," + credits
                + ",PERCENTAGE,80,2026-03-01,2026-07-01," + EVIDENCE + "\n";
    }

    /** A college course of the learner's and their application at the university to recognise it. */
    private static String applicationForACollegeCourse(Gateway college, Gateway university, String learner)
            throws InterruptedException {
        String source = college.issueCourse(RUN + "-SRC", learner);
        String student = TokenRegistry.open(RunningGateways.tokensFile("university"))
                .create(TokenRole.LEARNER, "gateway", learner, "network test " + RUN);
        String applications = "/api/v1/recognition-applications";
        Reply applied = university.post(applications, student, Map.of("sourceOutcomeIds", List.of(source),
                "statement", "我在高职修读了数控课程"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (applied.status() == 401 && System.nanoTime() < deadline) { // the gateway re-reads its token file
            Thread.sleep(200);
            applied = university.post(applications, student, Map.of("sourceOutcomeIds", List.of(source),
                    "statement", "我在高职修读了数控课程"));
        }
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        return applied.json().at("/record/id").asText();
    }

    private static WebElement visible(ChromeDriver browser, By selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(selector));
    }
}
