package org.creditbank.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditbank.gateway.IndustryNetwork.COLLEGE;
import static org.creditbank.gateway.IndustryNetwork.SOFTWARE;
import static org.creditbank.gateway.IndustryNetwork.WELDING;
import static org.creditbank.gateway.IndustryNetwork.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.creditbank.gateway.testing.HeadlessChromium;
import org.creditbank.model.json.CanonicalJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser ({@link HeadlessChromium}, a phone-wide window) over real HTTP
 * from an in-process gateway, on the worked example's records: what a school leader sees is each
 * major's warning in words with the figures the indicators route computes, and how many teachers
 * are red, yellow and green with who needs support and why. Screenshots go to
 * target/dashboard-screenshots/ (copies are in docs/screenshots/).
 */
class DashboardPageTest {

    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");

    private static IndustryNetwork net;
    private static HeadlessChromium chromium;
    private static ChromeDriver browser;
    private static String red;
    private static String yellow;

    @BeforeAll
    static void start() throws IOException {
        net = new IndustryNetwork();
        net.publishWeldingExample();
        expect(201, net.college.post("/api/v1/teachers/rules", net.collegeRegistrar, CanonicalJson.toJson(TeacherHttpTest.rule(1))));
        TeacherHttpTest.Issuer teachers = new TeacherHttpTest.Issuer(net);
        String green = teachers.appointed();
        yellow = teachers.appointed();
        red = teachers.appointed();
        teachers.issue(green, "G-1", "COURSE", "数字素养", 80);
        teachers.issue(green, "G-2", "WORK_EXPERIENCE", "企业实践", 64);
        teachers.issue(yellow, "Y-1", "COURSE", "数字素养", 72);
        teachers.issue(yellow, "Y-2", "WORK_EXPERIENCE", "企业实践", 48);
        teachers.issue(red, "R-1", "COURSE", "数字素养", 20);
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

    private static void open(String query) {
        browser.get(net.college.url("/dashboard?" + query + "#token=" + net.collegeVerifier));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(
                ((ChromeDriver) d).executeScript("return document.body.dataset.loaded")));
        System.out.println("dashboard rendered in " + browser.executeScript("return document.body.dataset.renderMs") + " ms");
    }

    private static WebElement major(String code) {
        return browser.findElement(By.cssSelector("#major-list article[data-major='" + code + "']"));
    }

    @Test
    void aSchoolLeaderSeesEachMajorsWarningInWordsWithTheIndicatorsFigures() {
        open("school=" + COLLEGE + "&from=2026-Q2&to=2027-Q1&region=440600");
        assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();

        JsonNode rows = net.indicators("school=" + COLLEGE + "&from=2026-Q2&to=2027-Q1&region=440600").get("indicators");
        assertThat(browser.findElements(By.cssSelector("#major-list article"))).hasSize(2);
        WebElement welding = major(WELDING);
        assertThat(welding.getAttribute("data-warning")).isEqualTo("RED");
        assertThat(welding.getText()).contains("焊接技术与自动化", "红色预警", "RED",
                "供给/需求 16/40，低于红色下限 0.5（培养人数不足）", "supply/demand 16/40 is below 0.5 (red below)");
        for (JsonNode r : rows) {
            WebElement card = major(r.get("majorCode").asText());
            List<String> cells = card.findElements(By.cssSelector("tr[data-period='" + r.get("period").asText() + "'] td"))
                    .stream().map(WebElement::getText).toList();
            assertThat(cells.subList(1, 4)).as(r.toString()).containsExactly(r.get("demand").asText(), r.get("supply").asText(),
                    r.get("gap").asText());
        }
        assertThat(welding.findElement(By.cssSelector(".figures")).getText()).contains("缺口 shortage 24", "下季度预测 forecast 50");
        WebElement software = major(SOFTWARE);
        assertThat(software.getAttribute("data-warning")).isEqualTo("RED");
        assertThat(software.getText()).contains("高于红色上限 1.5（培养人数过多）", "过剩 surplus 14");
        assertThat(software.findElement(By.cssSelector("tr[data-period='2026-Q4']")).getText()).contains("▲ 黄色预警");
        assertThat(browser.findElement(By.id("thresholds")).getText()).contains("低于 0.5 或高于 1.5 为红色");
        // The chart names its figures for a screen reader.
        assertThat(welding.findElement(By.tagName("svg")).getAttribute("aria-label")).contains("2027-Q1 40/16");
        browser.executeScript("window.scrollTo(0, 0)");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-majors.png"));
    }

    @Test
    void aSchoolLeaderSeesHowManyTeachersAreRedYellowAndGreenAndWhoNeedsSupport() {
        open("school=" + COLLEGE + "&from=2026-Q2&to=2027-Q1&region=440600");
        WebElement counts = browser.findElement(By.id("grade-counts"));
        for (Map.Entry<String, String> e : Map.of("RED", "1", "YELLOW", "1", "GREEN", "1").entrySet()) {
            assertThat(counts.findElement(By.cssSelector("[data-light='" + e.getKey() + "'] b")).getText()).isEqualTo(e.getValue());
        }
        List<WebElement> support = browser.findElements(By.cssSelector("#need-support li"));
        assertThat(support.stream().map(li -> li.getAttribute("data-account"))).containsExactly(red, yellow);
        assertThat(support.get(1).getText()).contains("黄色预警", "企业实践：还需 12 小时达到绿色", "企业实践: needs 12 more hours for green");
        assertThat(support.get(0).getText()).contains("数字化培训：还需 52 小时达到绿色（16 小时达到黄色）");
        browser.executeScript("document.getElementById('teachers').scrollIntoView()");
        chromium.screenshot(SCREENSHOTS.resolve("dashboard-teachers.png"));
    }

    @Test
    void thePageIsSmallAndFitsAPhone() {
        open("school=" + COLLEGE + "&from=2026-Q2&to=2027-Q1&region=440600");
        int bytes = net.college.get("/dashboard", null).text().getBytes(StandardCharsets.UTF_8).length
                + net.college.get("/dashboard/dashboard.js", null).text().getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("the whole page, script included").isLessThan(300 * 1024);
        Dimension window = browser.manage().window().getSize();
        assertThat(window.getWidth()).isEqualTo(820);
        assertThat(((Number) browser.executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("nothing wider than the phone's screen").isLessThanOrEqualTo(820);
        // Every input has a label a screen reader reads.
        for (WebElement input : browser.findElements(By.cssSelector("form input"))) {
            assertThat(browser.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']"))).hasSize(1);
        }
    }

    @Test
    void aWrongTokenSaysSoInWords() {
        browser.get(net.college.url("/dashboard?from=2026-Q2&to=2027-Q1#token=wrong"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "true".equals(
                ((ChromeDriver) d).executeScript("return document.body.dataset.loaded")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("无法加载", "Could not load", "UNAUTHENTICATED");
    }
}
