package org.tanghulu.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium}, driven by its {@code chromedriver}), with a
 * fresh profile. Nothing is downloaded: the browser and the driver are the machine's. Screenshots
 * go to {@code target/screenshots/} as test artifacts.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    private final Path profile;

    Browser() throws IOException {
        profile = Files.createTempDirectory("tanghulu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("tanghulu.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("tanghulu.it.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    Browser open(String url) {
        driver.get(url);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits (up to 10 s) until the CSS selector matches a displayed element (of the page that is loaded by then). */
    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    /** Clicks {@code element}, which submits a form, and waits until the next page has replaced this one. */
    void submit(WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                // stale, or (chromedriver, mid-navigation) "node does not belong to the document"
                return true;
            }
        });
    }

    /**
     * Checks the page's accessibility basics, then saves a screenshot of the window as
     * {@code target/screenshots/NAME.png}. The basics: the page says its language, has one {@code h1} and a skip
     * link to the main content, every form control a person fills has a label (or an ARIA name), and every
     * picture ({@code img}, {@code svg[role=img]}) has a text.
     */
    void screenshot(String name) throws IOException {
        Object problems = driver.executeScript(
                "var p = [];"
                        + "if (!document.documentElement.lang) { p.push('no lang on html'); }"
                        + "if (document.querySelectorAll('h1').length !== 1) { p.push('not exactly one h1'); }"
                        + "if (!document.querySelector('a.skip[href=\"#main\"]') || !document.getElementById('main')) {"
                        + " p.push('no skip link to #main'); }"
                        + "document.querySelectorAll('input, select, textarea').forEach(function (e) {"
                        + " if (['hidden', 'submit', 'button'].indexOf(e.type) >= 0) { return; }"
                        + " if ((e.labels && e.labels.length) || e.getAttribute('aria-label')"
                        + "   || e.getAttribute('aria-labelledby')) { return; }"
                        + " p.push('no label: ' + (e.id || e.name)); });"
                        + "document.querySelectorAll('img, svg[role=img]').forEach(function (e) {"
                        + " if (!(e.getAttribute('alt') || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')"
                        + "   || e.querySelector('title'))) { p.push('picture without text: ' + (e.id || e.tagName)); } });"
                        + "return p.join('; ');");
        if (!String.valueOf(problems).isEmpty()) {
            throw new AssertionError(name + " (" + driver.getCurrentUrl() + "): " + problems);
        }
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
