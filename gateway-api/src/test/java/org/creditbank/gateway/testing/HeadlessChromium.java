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
            // Headless Chromium takes navigator.languages (and Accept-Language) from this preference, not from --lang.
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            browser = new ChromeDriver(service, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver browser() {
        return browser;
    }

    /** The verification page's verdict (VALID or INVALID) once it is shown. */
    public String verdict() {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#verdict[data-verdict]")))
                .getAttribute("data-verdict");
    }

    /** The status (PASSED, FAILED, NOT_CHECKED) of one check the verification page lists. */
    public String check(String name) {
        return browser.findElement(By.cssSelector("#checks tr[data-check='" + name + "']")).getAttribute("data-status");
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

    @Override
    public void close() {
        browser.quit();
        service.stop();
    }
}
