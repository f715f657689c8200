package io.sitelens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sitelens.report.HtmlReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * End to end: {@code sitelens demo} writes the report, and headless Chromium (with the system chromedriver)
 * opens it from disk: no console error, every section, a non-empty insights list, and a screenshot of the
 * report that is neither blank nor one colour.
 */
class DemoReportIT {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("SITELENS_CHROMIUM", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("SITELENS_CHROMEDRIVER", "/usr/bin/chromedriver"));

    @TempDir
    Path dir;

    @Test
    void the_demo_report_opens_cleanly_in_headless_chromium() throws Exception {
        assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "needs Chromium and chromedriver (apt-get install chromium chromium-driver, or set"
                        + " SITELENS_CHROMIUM and SITELENS_CHROMEDRIVER)");
        Path report = dir.resolve("report.html");
        CliRun r = CliRun.of("demo", "--report", report.toString(), "--screenshots", "6");
        assertThat(r.exitCode()).as(r.err()).isZero();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-extensions",
                "--window-size=1280,2000",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.get(report.toUri().toString());
            assertThat(driver.getTitle()).startsWith("Site audit: ");

            for (String id : HtmlReport.SECTIONS) {
                List<WebElement> s = driver.findElements(By.cssSelector("section#" + id));
                assertThat(s).as("section " + id).hasSize(1);
                assertThat(s.get(0).isDisplayed())
                        .as("section " + id + " is shown")
                        .isTrue();
            }
            assertThat(driver.findElements(By.cssSelector("#insights li.insight")))
                    .isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("#pages table.pages tbody tr")))
                    .hasSizeGreaterThanOrEqualTo(30);
            assertThat(driver.findElements(By.cssSelector("#charts svg path.line")))
                    .hasSize(3);

            List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .toList();
            assertThat(severe).as("console errors").isEmpty();

            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            Files.write(dir.resolve("report.png"), png);
            Set<Integer> colours = new HashSet<>();
            long nonWhite = 0;
            long samples = 0;
            for (int y = 0; y < img.getHeight(); y += 4) {
                for (int x = 0; x < img.getWidth(); x += 4) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    nonWhite += rgb == 0xFFFFFF ? 0 : 1;
                    samples++;
                }
            }
            assertThat(colours.size()).as("distinct colours in the screenshot").isGreaterThan(20);
            assertThat((double) nonWhite / samples)
                    .as("share of non-white pixels")
                    .isGreaterThan(0.05);
        } finally {
            driver.quit();
            service.stop();
        }
    }
}
