package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.creditbank.chaincode.testing.Drafts;
import org.creditbank.chaincode.testing.InMemoryLedger;
import org.creditbank.chaincode.testing.TestIdentity;
import org.creditbank.gateway.TestGateway.Reply;
import org.creditbank.gateway.auth.TokenRole;
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
 * The registrar's console in a real browser ({@link HeadlessChromium}, 820 px wide, Chinese), on
 * the university's gateway in process: the registrar signs in with their token, checks a term's
 * CSV with a bad row and sees that row marked with its number and reason, fixes the file, imports
 * it and sees how many records were created; then opens a learner's recognition application, sees
 * the rule's credits and approves it. Screenshots go to target/registrar-screenshots/ (copies in
 * docs/screenshots/).
 */
class RegistrarConsoleTest {

    private static final Path SCREENSHOTS = Path.of("target", "registrar-screenshots");
    private static final String HEADER = "localId,learner,kind,achievementCode,achievementTitle,credits,resultScale,"
            + "resultValue,activityStart,activityEnd,evidenceHash\n";

    private final InMemoryLedger chain = new InMemoryLedger();
    private final TestGateway college;
    private final TestGateway university;
    private final String registrar;
    private final String learner;
    private final HeadlessChromium chromium = new HeadlessChromium();
    private final ChromeDriver browser = chromium.browser();

    RegistrarConsoleTest() throws IOException {
        for (String[] member : List.of(new String[] {"CollegeMSP", "广州五金职业技术学院"}, new String[] {"UniversityMSP", "应用技术大学"})) {
            assertThat(chain.submit(TestIdentity.admin(member[0]), "institution:register",
                    CanonicalJson.toJson(Map.of("name", member[1], "type", "SCHOOL"))).ok()).isTrue();
        }
        college = gateway("CollegeMSP");
        university = gateway("UniversityMSP");
        registrar = university.token(TokenRole.REGISTRAR, "registrar1", null);
        learner = university.post("/api/v1/learners", registrar, "").json().at("/record/accountNo").asText();
    }

    private TestGateway gateway(String mspId) throws IOException {
        return new TestGateway(new InProcessLedger(chain)
                .enroll("registrar1", TestIdentity.withRole(mspId, "registrar1", "registrar"))
                .enroll("gateway", TestIdentity.withRole(mspId, "gateway", "verifier")), mspId, "gateway", 1 << 20);
    }

    @AfterEach
    void stop() {
        chromium.close();
        college.close();
        university.close();
    }

    @Test
    void theRegistrarFixesTheRowTheCheckMarkedImportsTheTermAndApprovesAnApplication() throws IOException {
        String row2 = "U-1," + learner + ",COURSE,ME101,机械设计基础,3,PERCENTAGE,88,2026-03-01,2026-07-01," + Drafts.EVIDENCE + "\n";
        String row3bad = "U-2," + learner + ",COURSE,ME102,工程力学,三,PERCENTAGE,75,2026-03-01,2026-07-01," + Drafts.EVIDENCE + "\n";
        String row3fixed = "U-2," + learner + ",COURSE,ME102,工程力学,3,PERCENTAGE,75,2026-03-01,2026-07-01," + Drafts.EVIDENCE + "\n";
        String row4 = "U-3," + learner + ",COURSE,ME103,电工电子技术,2.5,PASS_FAIL,PASS,2026-03-01,2026-07-01," + Drafts.EVIDENCE + "\n";
        Path term = Files.createTempDirectory("term").resolve("2026春季学期成绩.csv");

        browser.get(university.url("/registrar"));
        browser.findElement(By.id("token-input")).sendKeys(registrar);
        browser.findElement(By.id("sign-in-button")).click();
        visible("console");
        assertThat(browser.findElement(By.id("institution")).getText()).contains("应用技术大学");

        // A file that is no spreadsheet is refused in words the registrar reads, and the code for whoever helps.
        Path notASheet = term.resolveSibling("成绩.xlsx");
        Files.writeString(notASheet, "this is not a workbook");
        browser.findElement(By.id("file-input")).sendKeys(notASheet.toString());
        browser.findElement(By.id("dry-run-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("import-message"), "无法读取这个表格文件"));
        assertThat(browser.findElement(By.id("import-message")).getText())
                .contains("This spreadsheet cannot be read", "[SPREADSHEET_UNREADABLE]");

        Files.writeString(term, "\uFEFF" + HEADER + row2 + row3bad + row4);
        browser.findElement(By.id("file-input")).sendKeys(term.toString());
        browser.findElement(By.id("dry-run-button")).click();
        WebElement refused = waitFor(By.cssSelector("#report-table tr[data-status='refused']"));
        assertThat(refused.getAttribute("data-row")).isEqualTo("3");
        assertThat(refused.getText()).contains("3", "拒绝", "credits", "三");
        assertThat(browser.findElement(By.id("import-message")).getText()).contains("1 行被拒绝");
        assertThat(browser.findElement(By.id("import-button")).isEnabled()).as("a file with a refused row cannot be imported").isFalse();
        chromium.screenshot(SCREENSHOTS.resolve("registrar-1-check-finds-row-3.png"));

        Files.writeString(term, "\uFEFF" + HEADER + row2 + row3fixed + row4);
        browser.findElement(By.id("file-input")).sendKeys(term.toString());
        browser.findElement(By.id("dry-run-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("import-button")).isEnabled());
        assertThat(browser.findElements(By.cssSelector("#report-table tr[data-status='refused']"))).isEmpty();
        browser.findElement(By.id("import-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("import-summary"), "导入完成"));
        assertThat(browser.findElement(By.id("import-summary")).getText()).contains("共 3 行", "新增 3 行");
        chromium.screenshot(SCREENSHOTS.resolve("registrar-2-imported.png"));
        assertThat(university.get("/api/v1/learners/" + learner + "/transcript", registrar).json().get("outcomes")).hasSize(3);

        String application = applyForRecognitionOfACollegeCourse();
        browser.findElement(By.id("tab-applications")).click();
        // Without a read model there is no queue to list, and the page says so in words.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pending-more"), "未启用读模型"));
        assertThat(browser.findElement(By.id("pending-applications")).isDisplayed()).isFalse();
        browser.findElement(By.id("application-id")).sendKeys(application);
        browser.findElement(By.id("open-application")).click();
        visible("assessment");
        assertThat(browser.findElement(By.id("assessment-details")).getText()).contains("CNC-TRANSFER v1", "数控加工技术", "待审核");
        chromium.screenshot(SCREENSHOTS.resolve("registrar-3-application.png"));
        browser.findElement(By.id("approve-rule")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("application-message"), "已批准"));
        JsonNode decided = university.get("/api/v1/recognition-applications/" + application, registrar).json();
        assertThat(decided.at("/application/status").asText()).isEqualTo("APPROVED");

        browser.findElement(By.id("tab-learners")).click();
        browser.findElement(By.id("find-input")).sendKeys(learner);
        browser.findElement(By.id("find-button")).click();
        visible("learner");
        assertThat(browser.findElements(By.cssSelector("#records tbody tr"))).hasSize(4);
        assertThat(browser.findElement(By.id("learner-summary")).getText()).contains("认定学分 2");
        // The application's time reads to the second, in UTC, as a registrar reads a time.
        assertThat(browser.findElement(By.id("learner-applications")).getText())
                .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC").doesNotContain("T0", "T1", "T2");
        chromium.screenshot(SCREENSHOTS.resolve("registrar-4-learner.png"));
    }

    @Test
    void thePageIsServedWithHeadersThatKeepOtherSitesFromUsingIt() throws IOException, InterruptedException {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(university.url("/registrar")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        HttpResponse<String> script = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                university.url("/registrar/registrar.js"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body().length() + script.body().length()).as("page weight").isLessThan(300_000);
        assertThat(script.body()).doesNotContain("innerHTML", "document.cookie");
    }

    private String applyForRecognitionOfACollegeCourse() {
        String collegeRegistrar = college.token(TokenRole.REGISTRAR, "registrar1", null);
        Map<String, Object> draft = Drafts.course("C-1", learner);
        draft.put("achievementCode", "CNC101");
        draft.put("result", Map.of("scale", "PERCENTAGE", "value", "88"));
        String course = college.post("/api/v1/outcomes", collegeRegistrar, CanonicalJson.toJson(draft)).json()
                .at("/record/id").asText();
        Map<String, Object> rule = Map.of("code", "CNC-TRANSFER", "version", 1, "kind", "COURSE", "achievementCode", "CNC",
                "match", "PREFIX", "minResult", Map.of("scale", "PERCENTAGE", "value", "60"),
                "target", Map.of("courseCode", "ME210", "title", "数控加工技术", "category", "专业核心"),
                "creditsPerOutcome", 2, "cap", 5);
        assertThat(university.post("/api/v1/rules", registrar, CanonicalJson.toJson(rule)).status()).isEqualTo(201);
        Reply applied = university.post("/api/v1/recognition-applications", university.token(TokenRole.LEARNER, "gateway", learner),
                CanonicalJson.toJson(Map.of("sourceOutcomeIds", List.of(course), "ruleCode", "CNC-TRANSFER", "ruleVersion", 1,
                        "statement", "我在高职修读了数控课程")));
        assertThat(applied.status()).as(applied.text()).isEqualTo(201);
        return applied.json().at("/record/id").asText();
    }

    private WebElement visible(String id) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private WebElement waitFor(By selector) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(selector));
    }
}
