package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.pastoralflow.transition.Transition;
import org.pastoralflow.transition.TransitionRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tried as a new user would, in Chromium: the Pastoral Lead imports the allocation list and opens
 * the board and the feeder schools that have not sent their information; the DSL records the
 * receipt of a child protection file from the inbox; a PSO marks the transition-day register;
 * the booklet prints. Every page is checked with axe-core and at phone width.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class TransitionBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    /** gen_school.py allocation --students 24 --seed 8 --today 2029-10-01: the September 2030 intake, one child with a CP plan. */
    static final String LIST = "src/test/resources/transition/allocation-2030.csv";
    static final String CP_PLAN_UPN = "F873210923022";

    @LocalServerPort int port;
    @Autowired TransitionRepository transitions;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "transition");
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
    void aNewPastoralLeadImportsTheListAndTheTeamWorksTheBoard() throws Exception {
        browser.signIn("lead").press("Transition");
        browser.check();

        browser.go("/transition/import").check();
        browser.type("year", "2030");
        browser.field("file").sendKeys(Path.of(LIST).toAbsolutePath().toString());
        browser.setValue("transitionDayFirst", "2030-07-03").setValue("transitionDayLast", "2030-07-04")
                .setValue("interviewsDue", "2030-06-21");
        browser.press("Import");
        assertThat(browser.text()).contains("Imported 24 students from 11 feeder schools for September 2030");
        browser.check();

        browser.press("Open the cohort board");
        assertThat(browser.heading()).isEqualTo("Year 7 transition: September 2030");
        assertThat(browser.text()).contains("24 students").doesNotContain("CP file");
        browser.check();
        new Select(browser.field("school")).selectByVisibleText("Hillcrest Primary");
        browser.press("Show");
        assertThat(browser.text()).contains("4 students match the filter");
        browser.check();

        browser.press("Feeder schools and their information");
        WebElement hillcrest = browser.find(By.xpath("//tr[th[normalize-space()='Hillcrest Primary']]"));
        assertThat(hillcrest.getText()).contains("110004", "4", "none logged");
        browser.check();
        browser.press("Hillcrest Primary");
        new Select(browser.field("kind")).selectByValue("CALL");
        browser.type("withWhom", "Mrs Patel, Year 6 teacher");
        browser.type("notes", "Profiles promised for Friday.");
        browser.press("Log the contact");
        assertThat(browser.text()).contains("Phone call with Hillcrest Primary logged", "Profiles promised for Friday.");
        browser.check();

        // the DSL: the child protection file, from the inbox where the child is named before they have a case file
        Transition cp = transitions.findByEntryYear(2030).stream().filter(t -> t.getUpn().equals(CP_PLAN_UPN)).findFirst().orElseThrow();
        browser.signIn("dsl").press("Inbox");
        WebElement row = browser.find(By.xpath("//tr[td[normalize-space()='" + cp.getReference() + "']]"));
        assertThat(row.getText()).contains(cp.displayName(), "joining Year 7 from Elmstead Junior");
        browser.follow(row.findElement(By.xpath(".//a[normalize-space()='Confirm receipt of the CP file and review it']")));
        browser.waitForText("KCSIE: the file comes separately from the pupil file");
        browser.check();
        browser.click(By.id("outcome-received"));
        browser.press("Save");
        assertThat(browser.field("from-error").getText()).isEqualTo("Say who sent it.");
        assertThat(browser.field("receiptConfirmed-error").getText()).contains("Confirm receipt to the primary first");
        assertThat(browser.field("receivedOn").getAttribute("value")).isEqualTo(java.time.LocalDate.now().toString());
        browser.check();
        browser.type("from", "Elmstead Junior's DSL");
        new Select(browser.field("how")).selectByValue("secure-electronic");
        browser.click(By.id("receiptConfirmed-yes"));
        browser.type("review", "Child protection plan; social worker named.");
        browser.press("Save");
        assertThat(browser.text()).contains("is done");
        browser.check();
        browser.go("/transition/" + cp.getReference()).check();
        assertThat(browser.text()).contains("Child protection file", "Received");

        // a PSO marks the transition-day register
        browser.signIn("pso").go("/transition/register?year=2030&event=days").check();
        for (Transition t : transitions.findByEntryYear(2030)) {
            browser.click(By.id("attended-" + t.getId() + "-1"));
            if (!t.getUpn().equals(CP_PLAN_UPN)) {
                browser.click(By.id("attended-" + t.getId() + "-2"));
            }
        }
        browser.press("Save the register");
        assertThat(browser.text()).contains("Transition-day attendance recorded for 24 students", "Nobody is waiting to be marked");
        browser.check();

        // the booklet for the tutor, from the student's page
        browser.go("/transition/" + cp.getReference()).check();
        assertThat(browser.text()).doesNotContain("Child protection file").contains("Missed the transition day");
        String href = browser.find(By.linkText("Print the transition booklet (PDF)")).getAttribute("href");
        Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
