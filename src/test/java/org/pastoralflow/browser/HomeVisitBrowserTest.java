package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
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
 * A home visit on a phone, 320 CSS pixels wide the whole way: a PSO plans it (a mistake first,
 * shown beside its field, what was typed kept), opens the visit, and checks in from its page when
 * back. Every page on the way is checked with axe-core and for sideways scrolling.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class HomeVisitBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "homevisit");
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

    @Test
    void aPsoPlansAHomeVisitAndChecksInOnThePhone() {
        Set<Long> visited = Set.copyOf(jdbc.queryForList("select distinct student_id from home_visit", Long.class));
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 7 && !x.isCpPlan() && !visited.contains(x.getId()))
                .findFirst().orElseThrow();
        String marker = "Browser " + System.nanoTime();
        LocalDateTime now = JustNow.at();
        LocalTime leaves = now.toLocalTime().isBefore(LocalTime.of(23, 0)) ? now.toLocalTime().plusMinutes(1) : now.toLocalTime();
        LocalTime back = leaves.isBefore(LocalTime.of(22, 58)) ? leaves.plusHours(1) : LocalTime.of(23, 59);

        browser.signIn("pso");
        phoneWidth();
        browser.go("/home-visits/new").check();
        browser.type("upn", s.getUpn());
        browser.type("address", "5 Example Street, Exampletown");
        browser.type("purpose", marker);
        browser.setValue("day", now.toLocalDate().toString());
        browser.setValue("leaves", leaves.toString());
        browser.setValue("back", back.toString());
        browser.field("familyFlagged").click();
        // flagged and nobody second: refused beside the field, everything typed kept
        browser.press("Plan the visit").waitForText("Two staff go").check();
        assertThat(browser.find(By.id("secondVisitor-error")).getText()).contains("Two staff go");
        assertThat(browser.field("purpose").getAttribute("value")).isEqualTo(marker);

        new Select(browser.field("secondVisitor")).selectByValue("hoy");
        browser.type("visitorPhone", "07700 900123");
        browser.press("Plan the visit").waitForText("planned").check();
        assertThat(browser.path()).startsWith("/home-visits/HV");

        browser.follow(By.linkText("Check in: I am back")).check();
        browser.click(By.cssSelector("label[for='outcome-child-seen']"));
        browser.press("Check in: we are back").waitForText("is done").check();
        assertThat(jdbc.queryForObject("select outcome from home_visit where purpose = ?", String.class, marker)).isEqualTo("child-seen");
    }

    @Autowired org.pastoralflow.homevisit.HomeVisitSteps steps;
    @Autowired org.pastoralflow.homevisit.HomeVisitRecording recording;

    @Test
    void theDirectoryTheVisitsListAndAnOverdueVisitOnTheBoardOnThePhone() {
        String name = "Browser Youth Service " + System.nanoTime();
        browser.signIn("lead");
        phoneWidth();
        browser.go("/services/new").check();
        browser.type("name", name).type("purpose", "Mentoring after school").type("ageFrom", "11").type("ageTo", "9")
                .type("howToRefer", "E-mail the coordinator").type("contact", "mentors@example.org");
        browser.press("Add to the directory").waitForText("Ages to must be at least").check();
        browser.type("ageTo", "18");
        browser.press("Add to the directory").waitForText("is in the directory").check();
        assertThat(browser.text()).contains(name, "11 to 18");
        browser.follow(By.cssSelector("a[aria-label='Change " + name + "']")).check();
        browser.field("withdrawn").click();
        browser.press("Save the changes").waitForText("is changed").check();

        browser.signIn("teacher");
        phoneWidth();
        browser.go("/services?q=mentoring").check();
        assertThat(browser.text()).contains(name, "withdrawn");

        // a visit of its own, left without a check-in, and its grace time run out
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 7 && !x.isCpPlan()).skip(3).findFirst().orElseThrow();
        LocalDateTime now = JustNow.at();
        LocalTime leaves = now.toLocalTime().isBefore(LocalTime.of(23, 0)) ? now.toLocalTime().plusMinutes(1) : now.toLocalTime();
        java.util.Map<String, String> form = new java.util.HashMap<>(java.util.Map.of("upn", s.getUpn(), "address", "9 Browser Road",
                "purpose", "Overdue on the board", "day", now.toLocalDate().toString(), "leaves", leaves.toString(),
                "back", leaves.isBefore(LocalTime.of(22, 58)) ? leaves.plusHours(1).toString() : "23:59", "leadVisitor", "pso",
                "visitorPhone", "07700 900555"));
        var visit = recording.plan(new org.pastoralflow.forms.FormData(form),
                new org.pastoralflow.security.Viewer("pso", "Pat", Set.of("staff", "pso")));
        steps.alertOverdue(visit.getId());
        browser.signIn("pso");
        phoneWidth();
        browser.go("/oncall").check();
        assertThat(browser.text()).contains("Home visit " + visit.getReference() + ": nobody has checked in", "07700 900555");
        browser.go("/home-visits").check();
        assertThat(browser.heading()).isEqualTo("Home visits");
    }
}
