package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A teacher logs a fight in Chromium, finding the two students by name; the Head of Year assigns
 * themself and opens a statement task and the investigation. Every page on the way is checked with
 * axe-core and at phone width.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class InvestigationBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;

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
    void aTeacherLogsAFightAndTheHeadOfYearStartsTheChecklist() {
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
            browser.click(By.cssSelector("button[name=add][value='" + s.getUpn() + " alleged-perpetrator']"));
            browser.waitFor(d -> browser.text().contains(s.displayName() + " (" + s.yearAndGroup() + ")"));
        }
        browser.check();
        assertThat(new Select(browser.field("part-1")).getFirstSelectedOption().getText()).isEqualTo("Alleged perpetrator");
        browser.press("Log the incident");
        Matcher m = Pattern.compile("I\\d{2}-\\d{5}").matcher(browser.find(By.cssSelector(".flash")).getText());
        assertThat(m.find()).isTrue();
        String reference = m.group();
        browser.check();

        browser.signIn("hoy").press("Inbox");
        browser.find(By.xpath("//tr[td[normalize-space()='" + reference + "']]//a[normalize-space()='Assign an investigator']")).click();
        browser.check();
        new Select(browser.field("investigator")).selectByValue("hoy");
        browser.press("Save");
        browser.find(By.xpath("//tr[td[normalize-space()='" + reference + "']][td[contains(., '" + first.displayName()
                + "')]]//a[normalize-space()='Statement from each student']")).click();
        assertThat(browser.text()).contains("The statement of " + first.displayName());
        browser.check();
        browser.press("Save");
        assertThat(browser.field("status-error").getText()).contains("is required");
        browser.check();
        browser.go("/investigations/" + reference).check();
        assertThat(browser.text()).contains("Statement from the student: " + second.displayName()).contains("Open");
        browser.go("/investigations").check();
    }
}
