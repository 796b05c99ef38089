package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.ChronologyRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page that is not part of a workflow journey, as the role that uses it: axe-core finds no
 * serious or critical WCAG 2.2 AA violation and nothing scrolls sideways at 320 px. And the two
 * forms people fill in a hurry work with the keyboard alone.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class PagesBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired ChronologyRepository chronology;
    @Autowired org.pastoralflow.casefile.CaseStore caseStore;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired org.camunda.bpm.engine.ManagementService management;
    @Autowired org.camunda.bpm.engine.TaskService tasks;

    Browser browser;

    @BeforeAll
    void openBrowser() {
        browser = Browser.open(port, "pages");
    }

    @AfterAll
    void closeBrowser() {
        browser.close();
    }

    @Override
    public List<Browser> browsers() {
        return List.of(browser);
    }

    /** Demo students (src/main/resources/demo/students.csv) that no other test uses. */
    Student demoStudent(String upn) {
        return students.findByUpn(upn).orElseThrow();
    }

    @Test
    void everyOtherPageAsTheRoleThatUsesIt() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/login").check();
        // a made-up user: a wrong password for a real one would make their next sign-in wait
        browser.type("username", "nobody-here").type("password", "wrong");
        browser.follow(By.cssSelector("form button[type=submit]"));
        assertThat(browser.path()).contains("error");
        assertThat(browser.text()).containsIgnoringCase("wrong");
        browser.check();

        Student s = demoStudent("M873400126299");
        // the demo's subject access request: everything held on one page, a decision for each record
        var sarTask = tasks.createTaskQuery().processDefinitionKey("subject-access").taskDefinitionKey("Task_ReviewHeld").list().get(0);
        String sarReview = sarTask.getId();
        String sarReference = runtime.createProcessInstanceQuery().processInstanceId(sarTask.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        Map<String, List<String>> pagesByRole = Map.of(
                "pso", List.of("/", "/inbox", "/inbox?show=mine", "/inbox?show=groups", "/students", "/students?q=" + s.getLegalSurname(),
                        "/students/" + s.getId(), "/referrals/mine", "/referrals/new", "/oncall", "/oncall/new", "/students/999999999", "/tasks/no-such-task", "/dashboards", "/dashboards?year=8", "/early-intervention",
                        "/students/" + s.getId() + "/contacts/new", "/family/follow-ups"),
                "admin", List.of("/admin", "/admin/calendar", "/admin/staff", "/admin/staff/pso", "/admin/year-groups", "/admin/students/import", "/admin/contacts/import",
                        "/admin/incidents", "/oncall/rota", "/subject-access", "/subject-access/new?q=" + s.getLegalSurname()),
                "pso9", List.of("/students?q=" + s.getLegalSurname(), "/students/" + s.getId()),
                "dsl", List.of("/retention", "/reports/data-pack", "/subject-access", "/subject-access/new?upn=" + s.getUpn(),
                        "/subject-access/" + sarReference, "/tasks/" + sarReview, "/dsl-group"),
                "teacher", List.of("/", "/referrals/mine", "/admin"));
        pagesByRole.forEach((role, pages) -> {
            browser.signIn(role);
            for (String page : pages) {
                browser.go(page).check();
                assertThat(browser.find(By.tagName("h1")).getText()).as("heading of %s", page).isNotBlank();
            }
        });
        browser.signIn("teacher").go("/admin");
        assertThat(browser.text()).containsIgnoringCase("not allowed");
    }

    @Test
    void aConcernRaisedWithTheKeyboardAloneIsReadByTheDslOnItsEntryPage() {
        Student s = demoStudent("E873400122298");
        String description = "Crying in the toilets at break, would not say why " + System.nanoTime();
        raiseByKeyboard(s, description);
        assertThat(browser.find(By.cssSelector(".flash")).getText()).contains("Your concern is recorded as");
        ChronologyEntry entry = chronology.findAll().stream().filter(e -> e.getDetail() != null && e.getDetail().startsWith(description)).findFirst().orElseThrow();

        assertThat(entry.getDetail()).contains("Where: Girls' toilets, B block");
        browser.signIn("dsl").go("/chronology/" + entry.getId()).check();
        assertThat(browser.text()).contains(description);
    }

    @Test
    void theRetentionPagesWithARecordWaiting() {
        String upn = org.pastoralflow.student.UpnTestSupport.valid(String.format("%012d", System.nanoTime() % 1_000_000_000_000L));
        Student former = new Student(upn);
        former.updateFrom(new org.pastoralflow.student.StudentRow(upn, "Leaver", "Browser", null,
                java.time.LocalDate.now().minusYears(30), "M", 11, "11Z", "N", false, false, false, false, false), java.time.Instant.now());
        former = students.save(former);
        caseStore.record(org.pastoralflow.casefile.NewEntry.now(former.getId(), org.pastoralflow.casefile.EntryKind.NOTE,
                org.pastoralflow.security.Confidentiality.SAFEGUARDING, "dsl", "Old CP note", "Old CP note", null, null));
        var instance = runtime.startProcessInstanceByKey("retention-review");
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        browser.signIn("dsl").go("/tasks/" + task.getId()).check();
        browser.press("Every record has a decision");
        assertThat(browser.find(By.id("decisions-error")).getText()).contains("still waiting for a decision");
        browser.check();
        browser.follow(By.linkText("Open the retention page"));
        assertThat(browser.text()).contains(upn);
        browser.check();
    }

    /** Find the student, open the form, fill and send it without touching the mouse. */
    void raiseByKeyboard(Student s, String description) {
        browser.signIn("teacher").go("/referrals/new");
        Actions keys = new Actions(browser.driver());
        assertThat(active().getAttribute("id")).isEqualTo("q"); // autofocus
        keys.sendKeys(s.getUpn()).sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> d.findElements(By.linkText(s.displayName())).size() == 1);
        tabUntil(e -> s.displayName().equals(e.getText()));
        keys.sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> d.getCurrentUrl().contains("student="));

        tabUntil(e -> "category".equals(e.getAttribute("id")));
        keys.sendKeys("Welfare").perform();
        assertThat(active().getAttribute("value")).isEqualTo("welfare");
        keys.sendKeys(Keys.TAB).sendKeys(description).perform();
        assertThat(browser.field("description").getAttribute("value")).isEqualTo(description);
        tabUntil(e -> "location".equals(e.getAttribute("id")));
        keys.sendKeys("Girls' toilets, B block").sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/referrals/mine"));
    }

    @Test
    void aCallForHelpCanBeSentWithTheKeyboardAlone() {
        browser.signIn("teacher").go("/oncall/new");
        // the room has the focus once the page is ready (autofocus), so the teacher can type at once
        browser.waitFor(d -> "room".equals(active().getAttribute("id")));
        new Actions(browser.driver()).sendKeys("C4").sendKeys(Keys.TAB).sendKeys("Fight about to start, keyboard test")
                .sendKeys(Keys.ENTER).perform();
        browser.waitFor(d -> d.findElements(By.cssSelector(".flash")).size() == 1);
        assertThat(browser.find(By.cssSelector(".flash")).getText()).contains("Your call for help from C4");
    }

    /** The Workflows pages (issue 18) at 320 px: the list, a process with its diagram, a decision's table. */
    @Test
    void theWorkflowsPagesAsThePastoralLeadAndAnAdministrator() {
        browser.signIn("lead").go("/workflows").check();
        assertThat(browser.heading()).isEqualTo("Workflows");
        browser.go("/workflows/referral");
        WebElement diagram = browser.find(By.id("diagram"));
        browser.waitFor(d -> "true".equals(diagram.getAttribute("data-rendered")) || "failed".equals(diagram.getAttribute("data-rendered")));
        assertThat(diagram.getAttribute("data-rendered")).as("the diagram was drawn").isEqualTo("true");
        assertThat(diagram.findElements(By.cssSelector("svg g.djs-element"))).as("bpmn-js drew the model's shapes").hasSizeGreaterThan(5);
        browser.check();
        browser.go("/workflows/referral-routing").check();
        assertThat(browser.find(By.id("decision-table")).getText()).contains("Safeguarding indicators go to the DSL");
        browser.signIn("admin").go("/workflows").check();
    }

    WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    void tabUntil(java.util.function.Predicate<WebElement> target) {
        for (int i = 0; i < 40; i++) {
            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            if (target.test(active())) {
                return;
            }
        }
        throw new AssertionError("Tab never reached the element; stuck at " + active().getTagName() + " " + active().getAttribute("outerHTML"));
    }
}
