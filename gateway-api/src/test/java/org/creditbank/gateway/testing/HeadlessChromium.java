package org.creditbank.gateway.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium, driven through Debian's chromedriver (both named explicitly, so
 * Selenium never downloads a browser or driver), with a fresh profile and the flags a closed
 * network needs: nothing of Chromium's own reaches out. For the tests of the gateway's pages, in
 * process and on the network.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriverService service;
    private final ChromeDriver browser;

    /** A phone-sized window ({@code 820,1290}) with Chinese as the browser's language. */
    public HeadlessChromium() {
        try {
            service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + Files.createTempDirectory("chromium-profile"), "--window-size=820,1290",
                    "--lang=zh-CN");
            // --lang alone does not reach navigator.languages in headless mode; the pages start in that language.
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            browser = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver browser() {
        return browser;
    }

    /** The verdict (VALID or INVALID) on the first record the verification or share page shows, once it is shown. */
    public String verdict() {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".verdict[data-verdict]")))
                .getAttribute("data-verdict");
    }

    /** The status (PASSED, FAILED, NOT_CHECKED) of one check of the first record (folded away in its technical details). */
    public String check(String name) {
        return checkRow(name).getAttribute("data-status");
    }

    /** The text of one check's row of the first record, also while its technical details are folded away. */
    public String checkText(String name) {
        return checkRow(name).getAttribute("textContent");
    }

    private WebElement checkRow(String name) {
        return browser.findElement(By.cssSelector(".checks tr[data-check='" + name + "']"));
    }

    /** Saves what the window shows as a PNG. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves the whole page as a PNG, not only what the window shows: the window is made as tall as
     * the page for the shot (same width), then restored.
     */
    public void fullPageScreenshot(Path file) {
        Object width = browser.executeScript("return window.innerWidth");
        Object height = browser.executeScript("return document.documentElement.scrollHeight");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        try {
            screenshot(file);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** Lays the page out for paper ({@code @media print}) until {@link #screen} is called. */
    public void print() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
    }

    /** Lays the page out for the screen again. */
    public void screen() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    @Override
    public void close() {
        browser.quit();
        service.stop();
    }
}
