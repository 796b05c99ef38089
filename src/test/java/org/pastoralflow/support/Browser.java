package org.pastoralflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}, never a downloaded
 * browser) pointed at the application under test. Each page a test visits can be checked with
 * axe-core for serious and critical WCAG 2.2 A/AA violations and for fitting a 320 px screen.
 */
public final class Browser implements AutoCloseable {

    /** The WCAG levels the school must meet (public sector: WCAG 2.2 AA). */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");
    public static final int PHONE_WIDTH = 320;

    private final WebDriver driver;
    private final String base;
    private final String name;

    private Browser(WebDriver driver, String base, String name) {
        this.driver = driver;
        this.base = base;
        this.name = name;
    }

    public static Browser open(int port, String name) {
        String binary = firstExisting(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser");
        String chromedriver = firstExisting(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port, name);
    }

    private static String firstExisting(String... candidates) {
        for (String c : candidates) {
            if (c != null && Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        throw new IllegalStateException("Browser tests need Chromium and its driver from Debian: "
                + "apt-get install -y chromium chromium-driver (.ci/run does this), or set CHROME_BIN and CHROMEDRIVER. Looked for "
                + List.of(candidates));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    public Browser signIn(String user) {
        driver.manage().deleteAllCookies();
        go("/login");
        field("username").sendKeys(user);
        field("password").sendKeys("demo");
        follow(By.cssSelector("form button[type=submit]"));
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    public WebElement field(String id) {
        return driver.findElement(By.id(id));
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public Browser type(String id, String text) {
        WebElement f = field(id);
        f.clear();
        f.sendKeys(text);
        return this;
    }

    /** Sets a date or datetime-local input the way a user's picker would, whatever the locale's format. */
    public Browser setValue(String id, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", field(id), value);
        return this;
    }

    public Browser click(By by) {
        driver.findElement(by).click();
        return this;
    }

    /** Clicks the button or link whose visible text is exactly this, and waits for the next page. */
    public Browser press(String text) {
        return follow(driver.findElement(By.xpath("//button[normalize-space()='" + text + "'] | //a[normalize-space()='" + text + "']")));
    }

    /** Clicks the first element found so, a link or button that loads a page, and waits for that page. */
    public Browser follow(By by) {
        return follow(driver.findElement(by));
    }

    /**
     * Clicks a link or button that loads a new page and waits until the old page is gone and the new one has
     * loaded, so what is read next is read from the new page (never from the old one, nor stale half-way).
     */
    public Browser follow(WebElement linkOrButton) {
        WebElement page = driver.findElement(By.tagName("html"));
        linkOrButton.click();
        waitFor(d -> gone(page));
        waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** The old page's root is no longer there (Chromium may say so in more than one way while navigating). */
    private static boolean gone(WebElement oldRoot) {
        try {
            oldRoot.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** Waits for a page that says this, after a click whose page may still be loading. */
    public Browser waitForText(String text) {
        waitFor(d -> {
            try {
                return d.findElement(By.tagName("body")).getText().contains(text);
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException loading) {
                return false;
            }
        });
        return this;
    }

    /** Waits for the page whose heading is this, after a click whose page may still be loading. */
    public Browser waitForHeading(String text) {
        waitFor(d -> {
            try {
                return text.equals(d.findElement(By.tagName("h1")).getText());
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException loading) {
                return false;
            }
        });
        return this;
    }

    /**
     * Waits up to ten seconds for the condition, asking again while the page is being replaced: an element
     * read from the page a click is leaving goes stale, and the next page may not have it yet.
     */
    public <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** axe-core over the whole page: no serious or critical WCAG 2.2 A/AA violation. */
    public Browser checkAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        assertThat(results.getPasses()).as("axe-core ran no rule on %s", path()).isNotEmpty();
        List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
        assertThat(blocking).as("axe-core on %s:%n%s", path(), describe(blocking)).isEmpty();
        return this;
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(r -> r.getImpact() + " " + r.getId() + ": " + r.getHelp() + "\n    "
                        + r.getNodes().stream().map(n -> n.getTarget() + " " + n.getHtml()).collect(Collectors.joining("\n    ")))
                .collect(Collectors.joining("\n"));
    }

    /** At 320 CSS pixels nothing needs sideways scrolling (WCAG 1.4.10 Reflow). */
    public Browser checkFitsPhone() {
        Dimension before = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(PHONE_WIDTH + chromeFrame(), 800));
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("sideways scrolling at %d px on %s", PHONE_WIDTH, path()).isLessThanOrEqualTo(0);
        } finally {
            driver.manage().window().setSize(before);
        }
        return this;
    }

    private int chromeFrame() {
        Object frame = ((JavascriptExecutor) driver).executeScript("return window.outerWidth - window.innerWidth;");
        return ((Number) frame).intValue();
    }

    /** Both checks, for a page a user has just reached. */
    public Browser check() {
        return checkAccessible().checkFitsPhone();
    }

    public Path screenshot(String label) {
        try {
            Path dir = Path.of("target", "browser-screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve((name + "-" + label).replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
