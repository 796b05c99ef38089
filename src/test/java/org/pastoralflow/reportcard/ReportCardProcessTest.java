package org.pastoralflow.reportcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;
import org.pastoralflow.workflow.SchoolClock;

/**
 * Every path of report-card.bpmn by the engine clock on the demo school's calendar: the weekly review
 * and each of its decisions, the final review and each of its decisions, the end-of-day summary and
 * chase, and cancelling. The timers are the real {@link ReportCardTimes}; delegates are stand-ins.
 */
@Deployment(resources = "processes/report-card.bpmn")
class ReportCardProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("reportcard"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Monday 30 November 2026, a school day; a card of two school weeks ends Friday 11 December. */
    static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 30, 9, 0);
    static final long CARD = 7L;

    final Map<Long, ReportCard> cards = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final RecordingDelegate chase = new RecordingDelegate();
    int unscoredToday;

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(MONDAY_9AM));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("reportCardTimes", new ReportCardTimes(new ReportCardSettings(null, null, null, null, null),
                () -> ProcessTestEngine.CALENDAR, new SchoolClock(ProcessTestEngine.LONDON), cards::get));
        Mocks.register("reportCardDaySummary", (JavaDelegate) e -> {
            calls.add("summary " + LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ProcessTestEngine.LONDON));
            e.setVariable(ReportCardProcess.UNSCORED_TODAY, unscoredToday);
        });
        Mocks.register("reportCardChase", chase);
        Mocks.register("reportCardExtend", (JavaDelegate) e -> {
            ReportCard card = cards.get(CARD);
            int extra = (Integer) e.getVariable(ReportCardProcess.EXTRA_DAYS);
            card.extendTo(ProcessTestEngine.CALENDAR.addSchoolDays(card.getEndsOn(), extra));
            calls.add("extend " + extra);
        });
        Mocks.register("reportCardStepUp", (JavaDelegate) e -> {
            calls.add("step up");
            e.setVariable(ReportCardProcess.REVIEWER_GROUP, "hoy");
            e.setVariable(ReportCardProcess.REVIEWER, null);
        });
        Mocks.register("reportCardStepDown", (JavaDelegate) e -> {
            calls.add("step down");
            e.setVariable(ReportCardProcess.REVIEWER_GROUP, "pso");
            e.setVariable(ReportCardProcess.REVIEWER, null);
        });
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    static Date at(LocalDateTime t) {
        return Date.from(t.atZone(ProcessTestEngine.LONDON).toInstant());
    }

    ProcessInstance putOnReport(int schoolDays, String reviewer) {
        LocalDate first = MONDAY_9AM.toLocalDate();
        cards.put(CARD, new ReportCard("BR26-00007", 21L, "tutor", List.of("Arrive on time", "Equipment ready"), null, first,
                ProcessTestEngine.CALENDAR.addSchoolDays(first, schoolDays - 1), reviewer, "hoy", at(MONDAY_9AM).toInstant()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(ReportCardProcess.CARD_ID, CARD);
        vars.put(ReportCardProcess.REFERENCE, "BR26-00007");
        vars.put(ReportCardProcess.REVIEWER_GROUP, "pso");
        vars.put(ReportCardProcess.REVIEWER, reviewer);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ReportCardProcess.KEY, "BR26-00007", vars);
        assertThat(pi).isStarted().isWaitingAt("Gateway_WaitForReview", "Timer_EndOfDay");
        return pi;
    }

    static Job job(ProcessInstance pi, String activity) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    /** Moves the clock just past the timer and fires it. */
    static void fire(ProcessInstance pi, String activity) {
        Job timer = job(pi, activity);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        managementService().executeJob(timer.getId());
    }

    static void decide(ProcessInstance pi, String taskKey, String decision, int extraDays) {
        complete(task(taskKey, pi), withVariables(ReportCardProcess.DECISION, decision, ReportCardProcess.EXTRA_DAYS, extraDays));
    }

    @Test
    void theFirstWeeksReviewIsDueAtTheEndOfItsFifthSchoolDayAndEndsTheCardWhenTheTargetsAreMet() {
        ProcessInstance pi = putOnReport(10, null);
        assertThat(job(pi, "Timer_WeeklyReview").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 4, 15, 30)));
        assertThat(job(pi, "Timer_ReportEnds").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 11, 15, 30)));
        assertThat(job(pi, "Timer_EndOfDay").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 11, 30, 15, 30)));

        fire(pi, "Timer_WeeklyReview");
        // due two school days later: Friday 15:31 to Tuesday 15:31
        assertThat(task(ReportCardProcess.TASK_WEEKLY_REVIEW, pi)).hasCandidateGroup("pso").isNotAssigned()
                .hasDueDate(at(LocalDateTime.of(2026, 12, 8, 15, 31)));
        decide(pi, ReportCardProcess.TASK_WEEKLY_REVIEW, ReportCardProcess.END, 0);
        assertThat(pi).isEnded().hasPassed("End_WeeklySuccess");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).as("the end-of-day timer stops too").isZero();
    }

    @Test
    void keptGoingAfterTheFirstWeekTheSetLengthEndsInTheFinalReviewWhichEndsItWithOtherSupport() {
        ProcessInstance pi = putOnReport(10, "hoy");
        fire(pi, "Timer_WeeklyReview");
        assertThat(task(ReportCardProcess.TASK_WEEKLY_REVIEW, pi)).isAssignedTo("hoy");
        decide(pi, ReportCardProcess.TASK_WEEKLY_REVIEW, ReportCardProcess.CONTINUE, 0);
        assertThat(pi).isWaitingAt("Gateway_WaitForReview");
        // the second week's last day is the card's last: the final review comes first
        assertThat(job(pi, "Timer_ReportEnds").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 11, 15, 30)));
        assertThat(job(pi, "Timer_WeeklyReview").getDuedate()).isAfter(job(pi, "Timer_ReportEnds").getDuedate());
        fire(pi, "Timer_ReportEnds");
        assertThat(task(ReportCardProcess.TASK_FINAL_REVIEW, pi)).isAssignedTo("hoy");
        decide(pi, ReportCardProcess.TASK_FINAL_REVIEW, ReportCardProcess.ENDED_NOT_MET, 0);
        assertThat(pi).isEnded().hasPassed("End_NotMet").hasNotPassed("End_FinalSuccess");
    }

    @Test
    void extendedAtTheWeeklyReviewTheNextWeekIsReviewedBeforeTheNewEnd() {
        ProcessInstance pi = putOnReport(10, null);
        fire(pi, "Timer_WeeklyReview");
        decide(pi, ReportCardProcess.TASK_WEEKLY_REVIEW, ReportCardProcess.EXTEND, 5);
        assertThat(calls).contains("extend 5");
        assertThat(job(pi, "Timer_WeeklyReview").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 11, 15, 30)));
        assertThat(job(pi, "Timer_ReportEnds").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 18, 15, 30)));
        fire(pi, "Timer_WeeklyReview");
        decide(pi, ReportCardProcess.TASK_WEEKLY_REVIEW, ReportCardProcess.END, 0);
        assertThat(pi).isEnded().hasPassed("Task_Extend", "End_WeeklySuccess");
    }

    @Test
    void steppedUpTheHeadsOfYearReviewIt_steppedDownThePsosDo_andTheFinalReviewExtendsThenEndsIt() {
        ProcessInstance pi = putOnReport(15, null);
        fire(pi, "Timer_WeeklyReview");
        decide(pi, ReportCardProcess.TASK_WEEKLY_REVIEW, ReportCardProcess.STEP_UP, 0);
        fire(pi, "Timer_WeeklyReview");
        assertThat(task(ReportCardProcess.TASK_WEEKLY_REVIEW, pi)).hasCandidateGroup("hoy");
        decide(pi, ReportCardProcess.TASK_WEEKLY_REVIEW, ReportCardProcess.STEP_DOWN, 0);
        assertThat(calls).containsSubsequence("step up", "step down");
        fire(pi, "Timer_ReportEnds");
        assertThat(task(ReportCardProcess.TASK_FINAL_REVIEW, pi)).hasCandidateGroup("pso");
        decide(pi, ReportCardProcess.TASK_FINAL_REVIEW, ReportCardProcess.EXTEND, 3);
        // three more school days after Friday 18 December: the spring term's, after the INSET day on 4 January
        assertThat(job(pi, "Timer_ReportEnds").getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 7, 15, 30)));
        fire(pi, "Timer_ReportEnds");
        decide(pi, ReportCardProcess.TASK_FINAL_REVIEW, ReportCardProcess.END, 0);
        assertThat(pi).isEnded().hasPassed("Task_StepUp", "Task_StepDown", "Task_Extend", "End_FinalSuccess");
    }

    @Test
    void atTheEndOfEachSchoolDayTheSummaryIsRecordedAndOnlyADayWithUnscoredLessonsIsChased() {
        ProcessInstance pi = putOnReport(10, null);
        unscoredToday = 2;
        fire(pi, "Timer_EndOfDay");
        assertThat(chase.calls()).isEqualTo(1);
        assertThat(job(pi, "Timer_EndOfDay").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 1, 15, 30)));
        unscoredToday = 0;
        fire(pi, "Timer_EndOfDay");
        assertThat(chase.calls()).as("a fully scored day is not chased").isEqualTo(1);
        assertThat(calls).containsExactly("summary 2026-11-30", "summary 2026-12-01");
        // Friday's end of day is followed by Monday's, not the weekend's
        fire(pi, "Timer_EndOfDay");
        fire(pi, "Timer_EndOfDay");
        assertThat(calls).endsWith("summary 2026-12-03");
        fire(pi, "Timer_EndOfDay");
        assertThat(calls).endsWith("summary 2026-12-04");
        assertThat(job(pi, "Timer_EndOfDay").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 7, 15, 30)));
        assertThat(pi).isWaitingAt("Gateway_WaitForReview", "Timer_EndOfDay").hasPassed("Task_ChaseUnscored", "Task_RecordDaySummary");
    }

    @Test
    void cancellingEndsTheCardWhereverItStands() {
        ProcessInstance pi = putOnReport(10, null);
        fire(pi, "Timer_WeeklyReview");
        assertThat(pi).isWaitingAt(ReportCardProcess.TASK_WEEKLY_REVIEW);
        runtimeService().createMessageCorrelation(ReportCardProcess.MESSAGE_CANCELLED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed("End_Cancelled").hasNotPassed("End_WeeklySuccess");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
