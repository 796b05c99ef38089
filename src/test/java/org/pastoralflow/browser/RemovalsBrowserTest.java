package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.pastoralflow.removal.Removal;
import org.pastoralflow.removal.RemovalRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A removal from a lesson on a phone, 320 CSS pixels wide: the teacher finds the student by name,
 * picks them, says why and where to and records it; then the PSO covering the reflection room
 * takes its register for the day (arrived, left, work set). Every page is checked with axe-core
 * and for sideways scrolling.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class RemovalsBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired RemovalRepository removals;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "removals");
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
    void aTeacherRecordsARemovalAndThePsoTakesTheRoomsRegisterOnAPhone() {
        // a Year 8 student with no removal yet, found by full name
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 8 && removals.findAll().stream()
                .noneMatch(r -> r.getStudentId().equals(x.getId()))).findFirst().orElseThrow();
        browser.signIn("teacher");
        phoneWidth();
        browser.go("/removals/new").check();
        browser.type("q", s.getLegalForename() + " " + s.getLegalSurname());
        browser.press("Find").check();
        browser.follow(By.cssSelector("button[name=pick][value='" + s.getUpn() + "']")).check();
        assertThat(browser.field("upn").getAttribute("value")).isEqualTo(s.getUpn());
        browser.type("period", "3");
        browser.type("lesson", "Science lab 2");
        new Select(browser.field("reason")).selectByVisibleText("Refusing to follow instructions");
        browser.type("note", "Kept turning the gas tap on after two warnings; asked to leave and went calmly.");
        new Select(browser.field("destination")).selectByVisibleText("Reflection room");
        browser.press("Record the removal").waitForText("Removal recorded").check();
        List<Removal> recorded = removals.findAll().stream().filter(r -> r.getStudentId().equals(s.getId())).toList();
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.getDestination()).isEqualTo("Reflection room");
            assertThat(r.getReason()).isEqualTo("Refusing to follow instructions");
            assertThat(r.getRecordedBy()).isEqualTo("teacher");
        });
        Long id = recorded.get(0).getId();

        browser.signIn("pso");
        phoneWidth();
        browser.go("/removals/room").check();
        browser.setValue("r" + id + "-arrived", "11:20");
        browser.setValue("r" + id + "-left", "12:05");
        browser.type("r" + id + "-workSet", "Forces worksheet from the science department");
        browser.follow(By.cssSelector("form[action$='/removals/" + id + "/register'] button")).waitForText("Register saved").check();
        Removal registered = removals.findById(id).orElseThrow();
        assertThat(registered.getArrivedAt()).isEqualTo(LocalTime.of(11, 20));
        assertThat(registered.getLeftAt()).isEqualTo(LocalTime.of(12, 5));
        assertThat(registered.getWorkSet()).isEqualTo("Forces worksheet from the science department");
        assertThat(registered.getRegisterBy()).isEqualTo("pso");
    }
}
