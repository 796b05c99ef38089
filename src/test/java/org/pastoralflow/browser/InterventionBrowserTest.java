package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.removal.Removals;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.JustNow;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 17's journey on a phone (320 CSS pixels the whole way, every page checked with axe-core and
 * for sideways scrolling): a Year 8 student removed from lessons three times is on the
 * early-intervention list; the Pastoral Lead starts a group from that row, adds the student, takes the
 * first session's register, records entry and exit scores and opens the provision map.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class InterventionBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired Removals removals;
    @Autowired JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "interventions");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Override
    public List<Browser> browsers() {
        return List.of(browser);
    }

    void phoneWidth() {
        Object frame = ((JavascriptExecutor) browser.driver()).executeScript("return window.outerWidth - window.innerWidth;");
        browser.driver().manage().window().setSize(new Dimension(Browser.PHONE_WIDTH + ((Number) frame).intValue(), 780));
    }

    /** Three removals an hour ago: the early-intervention rule (3 in 2 school weeks) lists the student. */
    void removedThreeTimes(Student s) {
        Viewer teacher = new Viewer("teacher", "Terry", Set.of("staff"));
        LocalDateTime at = JustNow.at().minusHours(1);
        LocalTime back = at.toLocalTime().isBefore(LocalTime.of(23, 29)) ? at.toLocalTime().plusMinutes(30) : LocalTime.of(23, 59);
        for (int i = 0; i < 3; i++) {
            Map<String, String> form = new HashMap<>();
            form.put("upn", s.getUpn());
            form.put("day", at.toLocalDate().toString());
            form.put("time", at.toLocalTime().toString());
            form.put("lesson", "Science, lab 2");
            form.put("reason", "Persistent disruption after warnings");
            form.put("note", "Throwing equipment after two warnings");
            form.put("destination", "Reflection room");
            form.put("returnTime", back.toString());
            removals.record(new FormData(form), teacher);
        }
    }

    @Test
    void aGroupFromTheEarlyInterventionListItsRegisterOnAPhoneScoresAndTheProvisionMap() {
        Set<Long> busy = Set.copyOf(jdbc.queryForList("select student_id from removal union select student_id from intervention_member",
                Long.class));
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 8 && !busy.contains(x.getId()))
                .max(Comparator.comparing(Student::getUpn)).orElseThrow();
        removedThreeTimes(s);
        String groupName = "Lunchtime self-esteem " + Long.toString(System.nanoTime(), 36);

        browser.signIn("lead");
        phoneWidth();
        browser.go("/early-intervention?year=8").check();
        browser.follow(By.cssSelector("a[href*='upn=" + s.getUpn() + "']")).check();
        assertThat(browser.heading()).isEqualTo("Start a group");
        new Select(browser.field("intervention")).selectByVisibleText("Self-esteem group");
        browser.type("name", groupName).type("staff", "Mr Hughes (PSO)")
                .setValue("firstSession", JustNow.today().minusDays(7).toString()).setValue("startsAt", "12:40")
                .type("sessionCount", "6");
        browser.press("Start the group").check();
        assertThat(browser.heading()).isEqualTo(groupName);
        assertThat(new Select(browser.field("source")).getFirstSelectedOption().getText()).isEqualTo("Early-intervention list");
        assertThat(browser.field("upn").getAttribute("value")).isEqualTo(s.getUpn());
        browser.press("Add to the group").waitForText("joined the group").check();

        // the register of the first session, on the phone
        browser.follow(By.cssSelector("a[aria-label='Take the register for session 1']")).check();
        assertThat(browser.heading()).isEqualTo("Register, session 1 of 6");
        browser.press("Save the register").waitForText("Register for session 1 saved").check();
        assertThat(browser.find(By.id("sessions")).getText()).contains("1 present of 1");

        // entry and exit scores on the self-rating scale (1–10): one off the scale first, shown beside its field
        String entry = browser.find(By.cssSelector("input[name^='entry-']")).getAttribute("id");
        String exit = browser.find(By.cssSelector("input[name^='exit-']")).getAttribute("id");
        browser.type(entry, "4").type(exit, "11");
        browser.press("Save scores").check();
        assertThat(browser.find(By.id(exit + "-error")).getText()).contains("between 1 and 10");
        assertThat(browser.field(entry).getAttribute("value")).isEqualTo("4");
        browser.type(exit, "7");
        browser.press("Save scores").waitForText("Scores saved").check();
        assertThat(browser.find(By.id("impact")).getText()).contains("1 with both scores: 1 improved");

        // the provision map: the student's and the cohort's
        browser.go("/provision-map/students/" + s.getId()).check();
        assertThat(browser.find(By.id("provision")).getText()).contains("Self-esteem group", "4 → 7", "improved");
        browser.go("/provision-map?year=8&edition=leaders").check();
        assertThat(browser.find(By.id("provision-map")).getText()).contains("Self-esteem group");
    }
}
