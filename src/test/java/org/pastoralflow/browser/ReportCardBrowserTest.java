package org.pastoralflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.pastoralflow.reportcard.ReportCard;
import org.pastoralflow.reportcard.ReportCardProcess;
import org.pastoralflow.reportcard.ReportCardRepository;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.support.Browser;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.pastoralflow.support.ScreenshotOnFailure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A report card as people use it, in headless Chromium on a fixed school week (the engine's clock):
 * a Head of Year puts a student on report, a teacher scores the day's lessons so far, and at the end
 * of the card's first school week the Head of Year completes the weekly review. Every page on the way
 * is checked with axe-core and at 320 px.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class ReportCardBrowserTest implements ScreenshotOnFailure.WithBrowsers {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @LocalServerPort int port;
    @Autowired StudentRepository students;
    @Autowired ReportCardRepository cards;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;

    Browser browser;

    @BeforeAll
    void open() {
        browser = Browser.open(port, "report-card");
    }

    @AfterAll
    void close() {
        browser.close();
        ClockUtil.reset();
    }

    @Override
    public List<Browser> browsers() {
        return List.of(browser);
    }

    static void at(LocalDateTime t) {
        ClockUtil.setCurrentTime(java.util.Date.from(t.atZone(LONDON).toInstant()));
    }

    @Test
    void putOnReportScoredForADayAndReviewedAtTheEndOfTheWeek() {
        // Wednesday 2 December 2026, 10:00: two of the day's five lessons have started
        at(LocalDateTime.of(2026, 12, 2, 10, 0));
        Student s = students.findAll().stream().filter(x -> x.getYearGroup() == 7)
                .sorted(java.util.Comparator.comparing(Student::getId)).skip(5).findFirst().orElseThrow();
        String target = "Hand in homework on the day it is due";

        browser.signIn("hoy").go("/report-cards/new?student=" + s.getId()).check();
        assertThat(browser.text()).contains(s.displayName());
        browser.click(By.id("level-head-of-year")).type("target1", target).type("target2", "Stay in the lesson")
                .type("reason", "Two removals from science this week");
        browser.press("Put on report").check();
        assertThat(browser.heading()).startsWith("Report card BR");
        ReportCard card = cards.findByStudentIdOrderByStartedAtDesc(s.getId()).get(0);
        assertThat(browser.text()).contains(target).contains("Head of Year report");

        browser.signIn("teacher").go("/report-cards/today").check();
        assertThat(browser.text()).contains(s.displayName()).contains(target).doesNotContain("Two removals");
        String ref = card.getReference();
        new Select(browser.field(ref + "-p1-t1")).selectByVisibleText("Met");
        new Select(browser.field(ref + "-p1-t2")).selectByVisibleText("Partly");
        new Select(browser.field(ref + "-p2-t1")).selectByVisibleText("Met");
        new Select(browser.field(ref + "-p2-t2")).selectByVisibleText("Met");
        assertThat(browser.findAll(By.id(ref + "-p3-t1"))).as("period 3 has not started").isEmpty();
        browser.press("Save the scores for " + s.displayName()).check();
        assertThat(browser.text()).contains("Saved 4 scores.");

        // Tuesday 8 December after the end of the school day: the card's fifth school day is over
        at(LocalDateTime.of(2026, 12, 8, 15, 31));
        management.executeJob(management.createJobQuery().processInstanceId(card.getProcessInstanceId())
                .activityId("Timer_WeeklyReview").singleResult().getId());
        String task = tasks.createTaskQuery().processInstanceId(card.getProcessInstanceId())
                .taskDefinitionKey(ReportCardProcess.TASK_WEEKLY_REVIEW).singleResult().getId();
        browser.signIn("hoy").go("/tasks/" + task).check();
        assertThat(browser.text()).contains("75 % of targets met (3 of 4 scores)").contains("23 of 25 lessons unscored");
        browser.click(By.id("reportDecision-end")).type("notes", "Homework in every day; agreed with him and home");
        browser.press("Save");
        browser.go("/report-cards/" + ref).check();
        assertThat(browser.text()).contains("Ended: targets met");
    }
}
