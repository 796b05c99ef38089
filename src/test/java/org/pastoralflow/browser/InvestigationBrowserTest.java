package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.camunda.bpm.engine.ManagementService;
import org.pastoralflow.mediation.Mediation;
import org.pastoralflow.mediation.MediationRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 3 tried as a new user would, in Chromium: a teacher logs a fight between two students,
 * finding them by name; the Head of Year takes the investigation and works the checklist (one
 * statement marked not applicable with a reason, the CCTV checked), records the outcome with a
 * mediation offered and contacts both families; the PSO runs the mediation to "resolved" after the
 * follow-up. Pages on the way are checked with axe-core and at phone width.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class InvestigationBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    @Autowired StudentRepository students;
    @Autowired MediationRepository mediations;
    @Autowired ManagementService management;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "investigation");
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
    void aTeacherLogsAFightTheHeadOfYearWorksTheChecklistAndThePsoMediatesToResolution() {
        Student first = students.findByUpn("B873400126024").orElseThrow(), second = students.findByUpn("Q873400125024").orElseThrow();
        browser.signIn("teacher").press("Log an incident");
        browser.check();
        browser.press("Log the incident");
        assertThat(browser.find(By.cssSelector(".error-summary")).getText()).contains("Add at least one student involved");
        assertThat(browser.field("students").getAttribute("aria-describedby")).isEqualTo("students-error");
        browser.check();

        browser.type("location", "Sports hall");
        new Select(browser.field("type")).selectByValue("fight");
        browser.type("description", "Fight during PE");
        for (Student s : List.of(first, second)) {
            browser.type("q", s.getUpn()).press("Find");
            browser.follow(By.cssSelector("button[name=add][value='" + s.getUpn() + " alleged-perpetrator']"));
            assertThat(browser.text()).contains(s.displayName() + " (" + s.yearAndGroup() + ")");
        }
        browser.check();
        assertThat(new Select(browser.field("part-1")).getFirstSelectedOption().getText()).isEqualTo("Alleged perpetrator");
        browser.press("Log the incident");
        Matcher m = Pattern.compile("I\\d{2}-\\d{5}").matcher(browser.find(By.cssSelector(".flash")).getText());
        assertThat(m.find()).isTrue();
        String reference = m.group();
        browser.check();

        // The Head of Year takes the investigation and works the checklist from the inbox.
        browser.signIn("hoy").press("Inbox");
        openTask(reference, null, "Assign an investigator");
        browser.check();
        new Select(browser.field("investigator")).selectByValue("hoy");
        browser.press("Save");

        openTask(reference, first, "Statement from each student");
        assertThat(browser.text()).contains("The statement of " + first.displayName());
        browser.check();
        browser.press("Save");
        assertThat(browser.field("status-error").getText()).contains("is required");
        browser.check();
        choose("status", "done");
        browser.setValue("takenOn", today());
        browser.type("takenBy", "Head of Year, with the form tutor present");
        browser.type("statement", "He pushed me first in the changing room.");
        browser.press("Save");

        openTask(reference, second, "Statement from each student");
        choose("status", "not-applicable");
        browser.press("Save");
        assertThat(browser.field("reason-error").getText()).contains("Say why this item does not apply");
        browser.type("reason", "Declined to give a statement; his parents were told the same day.");
        browser.press("Save");

        openTask(reference, null, "Statements from staff");
        choose("status", "done");
        browser.type("staff", "Mr Okafor (PE)");
        browser.type("statement", "Saw both boys fighting and separated them.");
        browser.press("Save");

        // The outcome cannot be recorded while an item of the checklist is still open.
        browser.go("/investigations/" + reference).check();
        assertThat(browser.text()).contains("Check the CCTV").contains("(with Hana Head-of-Year)").contains("Not applicable")
                .contains("Tess Teacher, ");
        assertThat(browser.findAll(By.xpath("//a[normalize-space()='Record the outcome']"))).isEmpty();

        browser.press("Inbox");
        openTask(reference, null, "Check the CCTV");
        assertThat(browser.text()).contains("The footage is overwritten on");
        choose("status", "done");
        browser.type("found", "Camera 3 shows both boys pushing each other at 10:42.");
        choose("saved", "yes");
        browser.press("Save");

        openTask(reference, null, "Consult the Learning Support Centre");
        choose("status", "done");
        browser.type("who", "Ms Patel, LSC lead");
        browser.type("advice", "Both known to the centre; suggests a restorative meeting.");
        browser.press("Save");

        openTask(reference, null, "Record the outcome");
        browser.check();
        choose("outcome", "upheld");
        browser.type("rationale", "Both statements and the CCTV show a mutual fight.");
        for (Student s : List.of(first, second)) {
            new Select(browser.field("sanction-" + s.getId())).selectByValue("detention");
        }
        choose("mediation", "yes");
        browser.press("Save");

        for (Student s : List.of(first, second)) {
            openTask(reference, s, "Contact the parents of each student");
            browser.check();
            browser.type("contactWith", "Mum");
            choose("method", "phone");
            browser.setValue("contactedAt", LocalDateTime.now(ZONE).withSecond(0).withNano(0).toString());
            browser.type("said", "Told her about the fight, the detention and the mediation on offer.");
            browser.press("Save");
        }
        browser.go("/investigations/" + reference).check();
        assertThat(browser.text()).contains("Closed").contains("Declined to give a statement");
        String mediation = browser.find(By.cssSelector("a[href^='/mediations/']")).getText();

        // The PSO runs the restorative mediation the outcome started.
        browser.signIn("pso").press("Inbox");
        openTask(mediation, null, "Check suitability");
        browser.check();
        choose("powerImbalance", "no");
        choose("safeguardingConcern", "no");
        choose("suitable", "yes");
        browser.type("notes", "Same year, a one-off fight; both want it sorted.");
        browser.press("Save");
        for (Student s : List.of(first, second)) {
            openTask(mediation, s, "Ask each party for consent");
            choose("consent", "given");
            browser.setValue("askedOn", today());
            browser.press("Save");
        }
        for (Student s : List.of(first, second)) {
            openTask(mediation, s, "Pre-meeting with each party");
            browser.setValue("on", today());
            browser.type("account", "Words in the changing room got out of hand.");
            browser.type("feelings", "Wants to be able to do PE without trouble.");
            browser.press("Save");
        }
        openTask(mediation, null, "Restorative meeting");
        browser.check();
        browser.setValue("meetingOn", today());
        browser.type("attendees", "Both students and the PSO");
        browser.type("whatHappened", "A push turned into a fight.");
        browser.type("whoAffected", "Both boys, and the PE group whose lesson stopped.");
        browser.type("repair", "An apology to each other and to the group.");
        browser.type("actions", "Apologies in Friday's PE lesson; PSO checks in weekly.");
        browser.press("Save");

        // Ten school days later the follow-up is due; the test runs the timer as the job executor would.
        Mediation run = mediations.findAll().stream().filter(x -> x.getReference().equals(mediation)).findFirst().orElseThrow();
        management.executeJob(management.createJobQuery().processInstanceId(run.getProcessInstanceId())
                .activityId("Timer_FollowUpDue").singleResult().getId());
        browser.go("/inbox");
        for (Student s : List.of(first, second)) {
            openTask(mediation, s, "Follow-up check-in with each party");
            browser.setValue("on", today());
            choose("actionsKept", "yes");
            browser.type("notes", "Getting on fine in PE.");
            browser.press("Save");
        }
        openTask(mediation, null, "Resolved, mediate again or escalate?");
        choose("mediationDecision", "resolved");
        browser.type("rationale", "Agreed actions kept by both.");
        browser.press("Save");

        browser.go("/mediations/" + mediation).check();
        assertThat(browser.text()).contains("Resolved").contains("Apologies in Friday's PE lesson");
        browser.go("/investigations").check();
    }

    /** Opens a task from the inbox by its reference, the student it is about (if any) and its name. */
    private void openTask(String reference, Student about, String task) {
        String row = "//tr[td[normalize-space()='" + reference + "']]"
                + (about == null ? "" : "[td[contains(., '" + about.displayName() + "')]]");
        browser.follow(By.xpath(row + "//a[normalize-space()='" + task + "']"));
        browser.waitForText(task);
    }

    private void choose(String field, String value) {
        browser.click(By.id(field + "-" + value));
    }

    private static String today() {
        return LocalDate.now(ZONE).toString();
    }
}
