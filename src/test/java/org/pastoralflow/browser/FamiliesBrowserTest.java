package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.pastoralflow.family.ContactImporter;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Families on a phone, 320 CSS pixels wide the whole way: a PSO logs a phone call home with a
 * follow-up and finds it on My follow-ups; the Pastoral Lead writes a letter template; the PSO sends
 * it to the mother by e-mail. Every page is checked with axe-core and for sideways scrolling. (Home
 * visits have their own journey, HomeVisitBrowserTest.)
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class FamiliesBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired ContactImporter importer;
    @Autowired JdbcTemplate jdbc;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "families");
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
    void aPsoLogsACallHomeWithAFollowUpAndSendsATemplatedLetterOnAPhone() throws Exception {
        // a Year 9 student with no contacts yet, and a mother the school may write to
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 9)
                .filter(x -> jdbc.queryForObject("select count(*) from family_contact where student_id = ?", Integer.class, x.getId()) == 0)
                .findFirst().orElseThrow();
        String csv = "UPN,Contact Surname,Contact Forename,Relationship,Parental Responsibility,Priority,Lives With Pupil,Email,"
                + "Address Line 1,Town,Postcode\r\n" + s.getUpn() + ",Adeyemi,Funmi,Mother,Y,1,Y,funmi.adeyemi@example.org,"
                + "3 Sample Row,Exampleton,ZX2 3SR\r\n";
        assertThat(importer.importCsv(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "admin").accepted()).isTrue();
        Long mother = jdbc.queryForObject("select id from family_contact where student_id = ?", Long.class, s.getId());

        browser.signIn("pso");
        phoneWidth();
        browser.go("/students/" + s.getId() + "/contacts/new").check();
        browser.click(By.id("contact-" + mother));
        new Select(browser.field("method")).selectByValue("phone-made");
        browser.type("said", "Talked about the week; she will ask him about the missed homework.");
        browser.type("agreed", "Ring back on Friday to see how it went.");
        LocalDate followUp = LocalDate.now(ZoneId.of("Europe/London")).plusDays(3);
        browser.setValue("followUpOn", followUp.toString());
        browser.press("Log the contact").waitForText("Contact logged").check();
        var logged = jdbc.queryForMap("select reference, follow_up_on, logged_by from contact_log where student_id = ?", s.getId());
        assertThat(logged.get("follow_up_on").toString()).isEqualTo(followUp.toString());
        assertThat(logged.get("logged_by")).isEqualTo("pso");
        browser.go("/family/follow-ups").check();
        assertThat(browser.text()).contains((String) logged.get("reference"));

        browser.signIn("lead");
        phoneWidth();
        browser.go("/letters/templates/new").check();
        browser.type("name", "Homework worries");
        browser.type("subject", "About {{student.firstName}}'s homework");
        browser.type("body", "Dear {{contact.name}},\n\nThank you for talking to us about {{student.firstName}}'s homework.\n\n"
                + "{{letter.note}}\n\nYours sincerely,\n{{sender.name}}");
        browser.type("reason", "A letter after a call about homework");
        browser.press("Save the template").check();
        Long templateNo = jdbc.queryForObject("select template_no from letter_template_version where name = 'Homework worries'", Long.class);

        browser.signIn("pso");
        phoneWidth();
        browser.go("/students/" + s.getId() + "/letters/new").check();
        new Select(browser.field("template")).selectByValue(templateNo.toString());
        browser.click(By.id("contact-" + mother));
        browser.click(By.id("channel-email"));
        browser.type("note", "We will check his planner every Friday this half term.");
        browser.press("Send").waitForText("E-mail sent to").check();
        var sent = jdbc.queryForMap("select channel, to_address, body from letter where student_id = ?", s.getId());
        assertThat(sent.get("channel")).isEqualTo("EMAIL");
        assertThat(sent.get("to_address")).isEqualTo("funmi.adeyemi@example.org");
        assertThat((String) sent.get("body")).contains("Thank you for talking to us about", "We will check his planner every Friday")
                .doesNotContain("{{");
    }
}
