package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pastoralflow.behaviour.BehaviourLog;
import org.pastoralflow.behaviour.BehaviourLogRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The quick log on a phone: a window 320 CSS pixels wide the whole way, a teacher picks a tutor
 * group, ticks five students, chooses a category, types the place and logs it with one submit.
 * Every page on the way is checked with axe-core and for sideways scrolling.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class BehaviourBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired BehaviourLogRepository logs;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "behaviour");
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
    void aTeacherLogsBehaviourForFiveStudentsFromThePhonePage() {
        // a Year 11 tutor group no other test logs for
        Student someone = students.findAll().stream().filter(s -> s.getYearGroup() == 11 && "11H".equals(s.getRegGroup()))
                .findFirst().orElseThrow();
        String group = someone.getRegGroup();
        browser.signIn("teacher");
        phoneWidth();
        browser.go("/behaviour/new").check();
        new Select(browser.field("pick-group")).selectByValue(group);
        browser.press("Show students").check();
        List<WebElement> boxes = browser.findAll(By.cssSelector("input[type=checkbox][name^='upn-']"));
        assertThat(boxes.size()).isGreaterThanOrEqualTo(5);
        List<String> ticked = new java.util.ArrayList<>();
        for (WebElement box : boxes.subList(0, 5)) {
            box.click();
            ticked.add(box.getAttribute("value"));
        }
        new Select(browser.field("category")).selectByValue("disruption");
        browser.type("place", "Maths, period 2");
        browser.press("Log it").waitForText("logged for 5 students").check();
        assertThat(browser.path()).startsWith("/behaviour/logs/");
        String batch = browser.path().substring("/behaviour/logs/".length());
        List<BehaviourLog> lines = logs.findByBatchOrderByIdAsc(batch);
        assertThat(lines).hasSize(5).allSatisfy(l -> {
            assertThat(l.getPoints()).isEqualTo(-1);
            assertThat(l.getPlace()).isEqualTo("Maths, period 2");
        });
        assertThat(students.findAllById(lines.stream().map(BehaviourLog::getStudentId).toList()).stream().map(Student::getUpn).toList())
                .containsExactlyInAnyOrderElementsOf(ticked);
    }

    @Test
    void aMistakeIsShownBesideItsFieldOnThePhone() {
        browser.signIn("teacher");
        phoneWidth();
        browser.go("/behaviour/new");
        new Select(browser.field("category")).selectByValue("homework");
        browser.press("Log it").waitForText("Choose at least one student").check();
        assertThat(browser.find(By.id("students-error")).getText()).contains("Choose at least one student");
        assertThat(browser.find(By.id("place-error")).getText()).contains("Lesson or place");
    }

    @Test
    void theCelebrationListOnThePhone() {
        browser.signIn("hoy");
        phoneWidth();
        browser.go("/behaviour/celebration?since=2020-01-01").check();
        assertThat(browser.heading()).isEqualTo("Celebration assembly");
    }
}
