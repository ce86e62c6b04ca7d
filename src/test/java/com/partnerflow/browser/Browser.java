package com.partnerflow.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, one fresh browser (and empty profile)
 * per {@link #newSession() session}. Both binaries are named explicitly, so Selenium Manager never
 * looks for, let alone downloads, a driver or a browser. Without them the tests are skipped, except
 * on CI ({@code CI=true}) where they fail. A failed test leaves a screenshot and the page's HTML in
 * {@code target/browser-screenshots/}.
 */
final class Browser implements ExecutionCondition, BeforeAllCallback, AfterTestExecutionCallback, AfterEachCallback {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final String MISSING = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
            + ": apt-get install chromium chromium-driver";

    /**
     * Selenium 4.31 knows DevTools (CDP) versions up to 135 and warns at every start that Debian's
     * newer Chromium has none; the tests use WebDriver only. Strong references keep the levels set.
     */
    private static final List<java.util.logging.Logger> QUIET = Stream.of(
                    "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(java.util.logging.Logger::getLogger)
            .peek(logger -> logger.setLevel(Level.SEVERE))
            .toList();

    private WebDriver driver;
    private Path profile;

    /** Without the browser the tests are skipped, with the way to install it; not on CI (see {@link #beforeAll}). */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (installed() || onCi()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed, or CI must fail without them");
        }
        log.warn("{} skipped: {}", context.getDisplayName(), MISSING);
        return ConditionEvaluationResult.disabled(MISSING);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!installed()) {
            fail(MISSING + " (CI=true: a failure, not a skip)");
        }
    }

    private static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Closes the current browser, if any, and opens a new one that knows no cookies or storage. */
    WebDriver newSession() {
        quit();
        try {
            profile = Files.createTempDirectory("partnerflow-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile directory", e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--lang=en-US", "--window-size=1400,1000",
                        "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
            log.error("Browser test failed at {}; screenshot: {}", driver.getCurrentUrl(), png.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not save the screenshot of the failed browser test", e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        quit();
    }

    private void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                log.debug("Chromium profile {} not removed", profile, e);
            }
            profile = null;
        }
    }
}
