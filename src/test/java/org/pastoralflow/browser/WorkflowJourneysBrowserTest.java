package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.WebElement;
import org.pastoralflow.attendance.AttendanceConcern;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each workflow as a person does it, in headless Chromium: from signing in to the record in
 * the student's file. Every page on the way is checked with axe-core and at phone width.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class WorkflowJourneysBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired ChronologyRepository chronology;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired org.pastoralflow.supportplan.SupportPlanRepository plans;
    @Autowired org.pastoralflow.attendance.AttendanceConcernRepository concerns;

    Browser browser;
    Browser second;

    @BeforeAll
    void openBrowsers() {
        browser = Browser.open(port, "journeys");
        second = Browser.open(port, "journeys-second");
    }

    @AfterAll
    void closeBrowsers() {
        browser.close();
        second.close();
    }

    @Override
    public List<Browser> browsers() {
        return List.of(browser, second);
    }

    /** Demo students (src/main/resources/demo/students.csv) that no other test uses. */
    Student demoStudent(String upn) {
        return students.findByUpn(upn).orElseThrow();
    }

    String raiseConcern(Student student, String category, String description) {
        browser.signIn("teacher").go("/referrals/new?student=" + student.getId());
        new org.openqa.selenium.support.ui.Select(browser.field("category")).selectByValue(category);
        browser.type("description", description);
        browser.press("Record the concern");
        Matcher m = Pattern.compile("R\\d{2}-\\d{5}").matcher(browser.find(By.cssSelector(".flash")).getText());
        assertThat(m.find()).isTrue();
        return m.group();
    }

    void openTask(String reference, String taskName) {
        browser.press("Inbox");
        browser.follow(By.xpath("//tr[td[normalize-space()='" + reference + "']]//a[normalize-space()='" + taskName + "']"));
        browser.waitForHeading(taskName);
        browser.check();
    }

    @Test
    void aReferralGoesToSocialCareComesBackForSupportInSchoolAndClosesWithAnEndScore() {
        Student student = demoStudent("B873400125299");
        String reference = raiseConcern(student, "safeguarding", "Says there is no food at home at weekends");

        browser.signIn("dsl");
        openTask(reference, "DSL review");
        browser.click(By.id("decision-social-care"));
        browser.type("rationale", "Neglect indicators over several weeks; meets the threshold for social care");
        browser.press("Record the decision");

        openTask(reference, "Record external referral");
        new org.openqa.selenium.support.ui.Select(browser.field("agency")).selectByValue("social-care");
        browser.setValue("referredOn", "2026-11-20").type("agencyReference", "MASH-2201");
        browser.press("Record the referral");

        openTask(reference, "Record agency feedback");
        browser.click(By.id("decision-support-in-school"));
        browser.setValue("feedbackOn", "2026-11-20").type("feedback", "Family support worker allocated; school to support")
                .type("rationale", "Agency asks the school to support day to day")
                .type("handover", "Breakfast club daily; she trusts her tutor. Tell the DSL of any absence.");
        browser.press("Record the feedback");

        browser.signIn("pso");
        openTask(reference, "Write support plan");
        browser.type("goals", "Eats breakfast in school every day; feels able to talk to a trusted adult");
        browser.findAll(By.cssSelector("input[name=interventions]")).get(0).click();
        new Select(browser.field("measureScale")).selectByValue("self-rating");
        browser.type("baselineScore", "4");
        browser.click(By.id("parentInformed"));
        browser.type("parentInformedHow", "Phone call with dad");
        browser.press("Start the plan");
        assertThat(browser.find(By.cssSelector(".flash")).getText()).contains("is done");

        // six school weeks later the review is due
        org.camunda.bpm.engine.runtime.Job due = management.createJobQuery()
                .processInstanceId(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId())
                .activityId("Timer_PlanReviewDue").singleResult();
        management.executeJob(due.getId());
        openTask(reference, "Review support plan");
        browser.click(By.id("decision-close"));
        browser.type("endScore", "8").type("rationale", "Breakfast club every day; talks to her tutor; self-rating up from 4 to 8");
        browser.press("Record the review");

        browser.go("/referrals/" + reference).check();
        assertThat(browser.text()).contains("Closed");
        browser.go("/students/" + student.getId()).check();
        Long plan = plans.findByStudentIdOrderByCreatedAtDesc(student.getId()).get(0).getId();
        browser.go("/plans/" + plan).check();
        assertThat(browser.text()).contains("Self-rating").contains("Baseline 4 · end 8 (change +4, improved)");
        browser.signIn("teacher").go("/referrals/mine");
        assertThat(browser.find(By.xpath("//tr[td[contains(., '" + reference + "')]]")).getText()).contains("Closed");
    }

    @Test
    void aTeacherRaisesAConcernAndTheDslDecidesIt() {
        Student student = demoStudent("U873400122299");
        browser.signIn("teacher").check();
        browser.press("Raise a concern");
        browser.check();
        browser.type("q", student.getUpn()).press("Find");
        browser.follow(By.linkText(student.displayName()));
        assertThat(browser.heading()).contains(student.displayName());
        browser.check();

        // sent empty: a summary that links to each field, each message tied to its field, nothing lost
        browser.type("location", "Library");
        browser.press("Record the concern");
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Please correct the following");
        WebElement description = browser.field("description");
        assertThat(description.getAttribute("aria-describedby")).isEqualTo("description-error");
        assertThat(browser.field("description-error").getText()).isNotBlank();
        assertThat(browser.field("location").getAttribute("value")).isEqualTo("Library");
        browser.check();

        new org.openqa.selenium.support.ui.Select(browser.field("category")).selectByValue("safeguarding");
        browser.type("description", "Said an older boy takes her dinner money every day <b>bold</b>");
        browser.press("Record the concern");
        String thanks = browser.find(By.cssSelector(".flash")).getText();
        Matcher m = Pattern.compile("R\\d{2}-\\d{5}").matcher(thanks);
        assertThat(m.find()).as(thanks).isTrue();
        String reference = m.group();
        assertThat(browser.text()).contains(reference);
        browser.check();

        browser.signIn("dsl").press("Inbox");
        WebElement row = browser.find(By.xpath("//tr[td[normalize-space()='" + reference + "']]"));
        browser.follow(row.findElement(By.tagName("a")));
        browser.waitForText("older boy takes her dinner money every day <b>bold</b>");
        browser.check();
        browser.click(By.id("decision-monitor"));
        browser.type("rationale", "Spoke to her with her tutor; monitor daily and check with the canteen");
        browser.press("Record the decision");
        assertThat(browser.find(By.cssSelector(".flash")).getText()).contains("is done");

        browser.go("/students/" + student.getId()).check();
        assertThat(browser.text()).contains("monitor daily and check with the canteen");
    }

    @Test
    void aWeekOfPoorAttendanceBecomesAConcernInThePsoInbox(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Student student = demoStudent("E873400123299");
        Path csv = dir.resolve("attendance-week.csv");
        Files.writeString(csv, "UPN,Week Commencing,Possible Sessions,Attended Sessions,Authorised Absence,Unauthorised Absence,Late Before Registers Closed\n"
                + student.getUpn() + ",2026-10-12,10,7,1,2,0\n", StandardCharsets.UTF_8);

        browser.signIn("lead").go("/attendance/import").check();
        browser.field("file").sendKeys(csv.toAbsolutePath().toString());
        browser.press("Import");
        assertThat(browser.text()).contains("Imported 1 rows").contains("1 new attendance concerns");
        browser.check();

        String reference = concerns.findByStudentIdInAndKindAndClosedAtIsNull(List.of(student.getId()), AttendanceConcern.THRESHOLD)
                .get(0).getReference();
        browser.signIn("pso").press("Inbox");
        browser.follow(By.xpath("//tr[td[normalize-space()='" + reference + "']]//a[normalize-space()='Contact home']"));
        browser.waitForText("70");
        browser.check();
        browser.press("Save");
        assertThat(browser.find(By.cssSelector(".error-summary")).isDisplayed()).isTrue();
        browser.check();
        browser.setValue("contactedOn", "2026-10-19");
        browser.type("contactWith", "Mum");
        browser.findAll(By.cssSelector("input[name=method]")).get(0).click();
        browser.type("whatWasSaid", "Migraines; GP appointment booked; will send a note");
        browser.press("Save");
        assertThat(browser.find(By.cssSelector(".flash")).getText()).contains("Contact home");

        browser.go("/students/" + student.getId()).check();
        assertThat(browser.text()).contains("GP appointment booked");
    }

    @Test
    void aTeacherCallsForHelpAndAPsoClaimsItFromTheLiveBoard() {
        Student student = demoStudent("Q873400124299");
        second.signIn("pso").go("/oncall").check();

        browser.signIn("teacher").press("Call for help");
        browser.check();
        browser.type("room", "B17").type("reason", "Student refusing to leave the room " + student.getId())
                .type("student", student.getUpn());
        browser.press("Send for help");
        assertThat(browser.find(By.cssSelector(".flash")).getText()).containsIgnoringCase("help");

        // the PSO's board shows it without a reload
        By claim = By.xpath("//tr[td[contains(., 'refusing to leave the room " + student.getId() + "')]]//button");
        second.waitFor(d -> {
            try {
                d.findElement(claim).click();
                return true;
            } catch (org.openqa.selenium.NoSuchElementException | org.openqa.selenium.StaleElementReferenceException notYet) {
                return false; // the board redraws every few seconds
            }
        });
        second.waitForHeading("Respond to the call"); // the click on the board leads there
        second.check();
        second.click(By.id("outcome-returned-to-class"));
        second.type("notes", "Calmed down in the corridor, back in the lesson after five minutes");
        second.press("Log the outcome");
        assertThat(second.find(By.cssSelector(".flash")).getText()).contains("is done");

        second.go("/students/" + student.getId());
        assertThat(second.text()).contains("back in the lesson after five minutes");
    }
}
