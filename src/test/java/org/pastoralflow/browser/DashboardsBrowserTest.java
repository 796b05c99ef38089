package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.pastoralflow.investigation.IncidentLog;
import org.pastoralflow.referral.Referral;
import org.pastoralflow.referral.ReferralService;
import org.pastoralflow.reporting.Filters;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.SchoolTerm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tried as a new Pastoral Lead would, in headless Chromium: open the dashboards, filter Year 8 in
 * the autumn term, download a CSV (a real download, compared with the table on the page), open a
 * student from the early-intervention list and see the diagram of their open referral drawn with
 * the current step marked. Every page checked with axe-core and at phone width.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class DashboardsBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    static final Viewer TEACHER = new Viewer("teacher", "Tess", Set.of("staff"));

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired IncidentLog investigations;
    @Autowired ReferralService referrals;
    @Autowired Filters filters;

    Browser browser;
    Path downloads;

    @BeforeAll
    void openBrowser() throws Exception {
        browser = Browser.open(port, "dashboards");
        downloads = Files.createTempDirectory("pastoral-downloads");
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Override
    public List<Browser> browsers() {
        return List.of(browser);
    }

    @Test
    void aPastoralLeadFiltersYear8AutumnDownloadsTheCsvAndOpensAStudentFromTheEarlyInterventionList() throws Exception {
        Student pupil = students.findAll().stream().filter(s -> s.getYearGroup() == 8).sorted(Comparator.comparing(Student::getUpn))
                .skip(130).findFirst().orElseThrow();
        for (int i = 0; i < 3; i++) {
            investigations.log(new FormData(Map.of("occurredOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                    "occurredTime", "00:0" + (4 + i), "location", "Playground", "type", "fight", "description", "Browser journey " + i,
                    "upn-0", pupil.getUpn(), "part-0", "alleged-perpetrator")), TEACHER);
        }
        Referral open = referrals.raise(new FormData(Map.of("studentId", pupil.getId().toString(), "category", "behaviour",
                "description", "Fights at lunch, three this fortnight", "occurredAt", "2026-11-30T12:50")), TEACHER);
        SchoolTerm autumn = filters.terms().stream().filter(t -> t.getName().startsWith("Autumn")
                && !t.getStartsOn().isAfter(LocalDate.now()) && !t.getEndsOn().isBefore(LocalDate.now())).findFirst().orElseThrow();

        browser.signIn("lead").go("/dashboards").check();
        new Select(browser.field("term")).selectByVisibleText(autumn.getName());
        new Select(browser.field("year")).selectByVisibleText("Year 8");
        browser.press("Show");
        assertThat(browser.path()).contains("term=" + autumn.getId()).contains("year=8");
        assertThat(browser.find(By.cssSelector(".filter-summary")).getText()).contains(autumn.getName()).contains("Year 8");
        browser.waitFor(d -> !d.findElements(By.cssSelector("#incidents-type canvas")).isEmpty()
                && ((Number) ((JavascriptExecutor) d).executeScript(
                "return document.querySelector('#incidents-type canvas').width")).intValue() > 0);
        browser.check();

        List<List<String>> shown = new ArrayList<>();
        for (WebElement row : browser.findAll(By.cssSelector("#incidents-type-table tbody tr"))) {
            shown.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        assertThat(shown.stream().filter(r -> r.get(0).equals("Fight")).findFirst().orElseThrow().get(1))
                .satisfies(n -> assertThat(Integer.parseInt(n)).isGreaterThanOrEqualTo(3));
        WebElement csvLink = browser.find(By.xpath("//section[@id='incidents-type']//a[contains(., '(CSV)')]"));
        assertThat(csvLink.getAttribute("href")).contains("term=" + autumn.getId()).contains("year=8");
        csvLink.click();
        Path csv = waitForDownload();
        List<List<String>> downloaded = new ArrayList<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)))) {
            downloaded.add(r.toList());
        }
        assertThat(downloaded).as("the CSV downloaded is the table on the page").isEqualTo(shown);

        browser.press("early-intervention list");
        assertThat(browser.heading()).isEqualTo("Early-intervention list");
        browser.check();
        WebElement link = browser.find(By.cssSelector("#early-intervention a[href='/students/" + pupil.getId() + "']"));
        assertThat(link.findElement(By.xpath("ancestor::tr")).getText()).contains("incidents since").contains(pupil.yearAndGroup());
        browser.follow(link);
        assertThat(browser.heading()).isEqualTo(pupil.displayName());

        WebElement diagram = browser.find(By.id("diagram-" + open.getProcessInstanceId()));
        browser.waitFor(d -> "true".equals(diagram.getAttribute("data-rendered")) || "failed".equals(diagram.getAttribute("data-rendered")));
        assertThat(diagram.getAttribute("data-rendered")).as("the diagram was drawn").isEqualTo("true");
        assertThat(diagram.findElements(By.cssSelector("svg g.djs-element"))).as("bpmn-js drew the model's shapes").hasSizeGreaterThan(5);
        List<WebElement> current = diagram.findElements(By.cssSelector("g.djs-element.current-step"));
        assertThat(current).as("the current step is marked").hasSize(1);
        assertThat(current.get(0).getAttribute("data-element-id")).isEqualTo("Task_PsoTriage");
        assertThat(browser.text()).contains("Now at: PSO triage");
        browser.check();
    }

    Path waitForDownload() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < until) {
            try (var files = Files.list(downloads)) {
                var done = files.filter(f -> f.toString().endsWith(".csv")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no CSV downloaded into " + downloads);
    }
}
