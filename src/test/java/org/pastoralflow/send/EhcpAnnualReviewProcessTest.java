package org.pastoralflow.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
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
import org.pastoralflow.workflow.ProcessWaits;
import org.pastoralflow.workflow.SchoolClock;

/**
 * Every path of ehcp-annual-review.bpmn by the engine clock: a review on time that opens the next
 * year's; invitations and advice late (the meeting set less than two weeks ahead); the report late;
 * the authority's decision chased every two weeks until it comes, then the plan ceased; a decision before any chase. The timers and due dates are the real
 * {@link EhcpReviewTimes} on the regulations' weeks; the delegates are stand-ins that record.
 */
@Deployment(resources = "processes/ehcp-annual-review.bpmn")
class EhcpAnnualReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("ehcpreview"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Monday 30 November 2026. The plan was last reviewed on 1 March 2026, so this year's review is due by 1 March 2027. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 9, 0);
    static final LocalDate LAST_REVIEW = LocalDate.of(2026, 3, 1);
    static final String REFERENCE = "EH26-00003";

    final Map<Long, EhcpReview> reviews = new HashMap<>();
    final List<String> chases = new ArrayList<>();
    LocalDate lastReview = LAST_REVIEW;
    long nextId = 1;
    EhcpReviewTimes times;

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(NOW));
        times = new EhcpReviewTimes(SendSettings.defaults(), new SchoolClock(ProcessTestEngine.LONDON), reviews::get);
        Mocks.register("ehcpReviewTimes", times);
        Mocks.register("ehcpOpenReview", (JavaDelegate) e -> {
            long id = nextId++;
            reviews.put(id, new EhcpReview(3L, lastReview.plusMonths(12)));
            e.setVariable(EhcpReviewProcess.REVIEW_ID, id);
        });
        Mocks.register("ehcpChase", (JavaDelegate) e -> chases.add(EhcpReviewProcess.chaseOf(e.getCurrentActivityId())));
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

    static Date endOf(int year, int month, int day) {
        return at(LocalDateTime.of(year, month, day, 17, 0));
    }

    ProcessInstance recorded() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(EhcpReviewProcess.KEY, REFERENCE,
                Map.of(EhcpReviewProcess.PLAN_ID, 3L, EhcpReviewProcess.REFERENCE, REFERENCE));
        assertThat(pi).isWaitingAt("Timer_TimeToArrange");
        return pi;
    }

    EhcpReview review(ProcessInstance pi) {
        return reviews.get((Long) runtimeService().getVariable(pi.getId(), EhcpReviewProcess.REVIEW_ID));
    }

    static Job job(ProcessInstance pi, String activity) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    /** Moves the clock just past the timer (never back) and fires it. */
    static void fire(ProcessInstance pi, String activity) {
        Job timer = job(pi, activity);
        if (timer.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        }
        managementService().executeJob(timer.getId());
    }

    static void today(int year, int month, int day) {
        ClockUtil.setCurrentTime(at(LocalDateTime.of(year, month, day, 10, 0)));
    }

    /** From the start to the meeting set for {@code meeting}, on {@code day}. */
    ProcessInstance arranged(LocalDate day, LocalDate meeting) {
        ProcessInstance pi = recorded();
        assertThat(job(pi, "Timer_TimeToArrange").getDuedate()).as("ten weeks before 1 March").isEqualTo(endOf(2026, 12, 21));
        fire(pi, "Timer_TimeToArrange");
        assertThat(task(EhcpReviewProcess.TASK_ARRANGE, pi)).hasCandidateGroup("senco").hasDueDate(endOf(2027, 1, 18));
        today(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        review(pi).meetingSet(meeting, null);
        complete(task(EhcpReviewProcess.TASK_ARRANGE, pi));
        assertThat(pi).isWaitingAt(EhcpReviewProcess.TASK_INVITE, EhcpReviewProcess.TASK_ADVICE);
        return pi;
    }

    void invitationsAndAdviceDone(ProcessInstance pi) {
        complete(task(EhcpReviewProcess.TASK_INVITE, pi));
        complete(task(EhcpReviewProcess.TASK_ADVICE, pi));
        assertThat(pi).isWaitingAt(EhcpReviewProcess.TASK_MEETING);
    }

    void held(ProcessInstance pi, LocalDate on) {
        today(on.getYear(), on.getMonthValue(), on.getDayOfMonth());
        review(pi).held(on, "Parents, the young person, SENCO, LA officer", "Wants to keep the mentor", "Happy with progress",
                EhcpReviewProcess.MAINTAIN);
        complete(task(EhcpReviewProcess.TASK_MEETING, pi));
        assertThat(pi).isWaitingAt(EhcpReviewProcess.TASK_REPORT);
    }

    @Test
    void onTimeEveryStepIsDueByTheRegulationsWeeksAndAKeptPlanOpensNextYearsReview() {
        ProcessInstance pi = arranged(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 15));
        assertThat(task(EhcpReviewProcess.TASK_INVITE, pi)).hasCandidateGroup("senco").hasDueDate(endOf(2027, 2, 1));
        assertThat(task(EhcpReviewProcess.TASK_ADVICE, pi)).hasDueDate(endOf(2027, 2, 1));
        invitationsAndAdviceDone(pi);
        assertThat(task(EhcpReviewProcess.TASK_MEETING, pi)).hasDueDate(endOf(2027, 2, 15));
        held(pi, LocalDate.of(2027, 2, 15));
        assertThat(task(EhcpReviewProcess.TASK_REPORT, pi)).hasDueDate(endOf(2027, 3, 1));
        complete(task(EhcpReviewProcess.TASK_REPORT, pi));
        assertThat(task(EhcpReviewProcess.TASK_DECISION, pi)).hasDueDate(endOf(2027, 3, 15));
        lastReview = LocalDate.of(2027, 2, 15);
        complete(task(EhcpReviewProcess.TASK_DECISION, pi), withVariables(EhcpReviewProcess.DECISION, EhcpReviewProcess.AMEND));

        assertThat(chases).isEmpty();
        assertThat(pi).isWaitingAt("Timer_TimeToArrange").hasPassed("Task_OpenReview").hasNotPassed("End_PlanCeased");
        assertThat(review(pi).getDueOn()).as("12 months after the meeting").isEqualTo(LocalDate.of(2028, 2, 15));
        assertThat(job(pi, "Timer_TimeToArrange").getDuedate()).isEqualTo(endOf(2027, 12, 7));
    }

    @Test
    void aMeetingSetLessThanTwoWeeksAheadChasesTheInvitationsAndTheAdviceAtOnceAndTheyAreStillSent() {
        ProcessInstance pi = arranged(LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 18));
        Instant due = job(pi, "Timer_InvitationsLate").getDuedate().toInstant();
        assertThat(due).as("4 February, already past").isEqualTo(endOf(2027, 2, 4).toInstant()).isBefore(ClockUtil.getCurrentTime().toInstant());
        fire(pi, "Timer_InvitationsLate");
        fire(pi, "Timer_AdviceLate");
        assertThat(chases).containsExactly(EhcpReviewProcess.CHASE_INVITATIONS, EhcpReviewProcess.CHASE_ADVICE);
        assertThat(pi).hasPassed("End_InvitationsChased", "End_AdviceChased")
                .isWaitingAt(EhcpReviewProcess.TASK_INVITE, EhcpReviewProcess.TASK_ADVICE);
        invitationsAndAdviceDone(pi);
    }

    @Test
    void aReportNotSentWithinTwoWeeksOfTheMeetingIsChasedAndStillWaitedFor() {
        ProcessInstance pi = arranged(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 15));
        invitationsAndAdviceDone(pi);
        held(pi, LocalDate.of(2027, 2, 16));
        assertThat(job(pi, "Timer_ReportLate").getDuedate()).as("two weeks after the day it was held").isEqualTo(endOf(2027, 3, 2));
        fire(pi, "Timer_ReportLate");
        assertThat(chases).containsExactly(EhcpReviewProcess.CHASE_REPORT);
        assertThat(pi).hasPassed("End_ReportChased").isWaitingAt(EhcpReviewProcess.TASK_REPORT);
        complete(task(EhcpReviewProcess.TASK_REPORT, pi));
        assertThat(pi).isWaitingAt(EhcpReviewProcess.TASK_DECISION);
    }

    /** A meeting on 1 February: the decision is due on 1 March, and the chases every two weeks stay clear of the clocks changing. */
    ProcessInstance waitingForTheDecision() {
        ProcessInstance pi = arranged(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 1));
        invitationsAndAdviceDone(pi);
        held(pi, LocalDate.of(2027, 2, 1));
        complete(task(EhcpReviewProcess.TASK_REPORT, pi));
        assertThat(pi).isWaitingAt(EhcpReviewProcess.TASK_DECISION);
        return pi;
    }

    @Test
    void noDecisionFourWeeksAfterTheMeetingTheAuthorityIsChasedEveryTwoWeeksUntilACeasedPlanEndsTheReviews() {
        ProcessInstance pi = waitingForTheDecision();
        assertThat(job(pi, "Timer_DecisionDue").getDuedate()).as("four weeks after the meeting").isEqualTo(endOf(2027, 3, 1));
        fire(pi, "Timer_DecisionDue");
        assertThat(chases).containsExactly(EhcpReviewProcess.CHASE_LA);
        assertThat(pi).hasPassed("Task_ChaseDecision", "End_DecisionChased").isWaitingAt(EhcpReviewProcess.TASK_DECISION);
        assertThat(job(pi, "Timer_DecisionDue").getDuedate()).as("chased again two weeks on").isEqualTo(endOf(2027, 3, 15));

        fire(pi, "Timer_DecisionDue");
        assertThat(chases).containsExactly(EhcpReviewProcess.CHASE_LA, EhcpReviewProcess.CHASE_LA);
        assertThat(job(pi, "Timer_DecisionDue")).as("still waiting, so a third chase is set").isNotNull();
        assertThat(pi).isWaitingAt(EhcpReviewProcess.TASK_DECISION);

        complete(task(EhcpReviewProcess.TASK_DECISION, pi), withVariables(EhcpReviewProcess.DECISION, EhcpReviewProcess.CEASE));
        assertThat(pi).isEnded().hasPassed("End_PlanCeased");
        assertThat(chases).as("recording the decision ends the chasing").hasSize(2);
    }

    @Test
    void aDecisionRecordedBeforeItsDeadlineIsNeverChasedAndTheChasesStop() {
        ProcessInstance pi = waitingForTheDecision();
        today(2027, 2, 22);
        lastReview = LocalDate.of(2027, 2, 1);
        complete(task(EhcpReviewProcess.TASK_DECISION, pi), withVariables(EhcpReviewProcess.DECISION, EhcpReviewProcess.MAINTAIN));
        assertThat(chases).isEmpty();
        assertThat(job(pi, "Timer_DecisionDue")).as("no chase left behind").isNull();
        assertThat(pi).hasNotPassed("Task_ChaseDecision").isWaitingAt("Timer_TimeToArrange");
    }

    @Test
    void aReportSentAfterTheDecisionsDeadlineChasesTheAuthorityAtOnceAndThenEveryTwoWeeks() {
        ProcessInstance pi = arranged(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 1));
        invitationsAndAdviceDone(pi);
        held(pi, LocalDate.of(2027, 2, 1));
        today(2027, 3, 3);
        complete(task(EhcpReviewProcess.TASK_REPORT, pi));
        Date firstChase = job(pi, "Timer_DecisionDue").getDuedate();
        assertThat(firstChase).as("a minute after the report, not on 1 March's schedule")
                .isEqualTo(at(LocalDateTime.of(2027, 3, 3, 10, 1)));
        fire(pi, "Timer_DecisionDue");
        assertThat(chases).containsExactly(EhcpReviewProcess.CHASE_LA);
        assertThat(job(pi, "Timer_DecisionDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 3, 17, 10, 1)));
    }
    /** The meeting moved as EhcpReviewRecording.moveMeeting moves it: the review's date, then the instance's waits. */
    void moved(ProcessInstance pi, LocalDate to) {
        review(pi).meetingMoved(to, "The educational psychologist cannot come");
        // the stand-in reviews are not saved, so the id is the process's variable
        Long id = (Long) runtimeService().getVariable(pi.getId(), EhcpReviewProcess.REVIEW_ID);
        new ProcessWaits(managementService(), taskService()).follow(pi.getId(), times.taskDueDates(id));
    }

    @Test
    void aMeetingMovedLaterTakesTheInvitationsAdviceAndMeetingDeadlinesWithItAndNothingIsChasedEarly() {
        ProcessInstance pi = arranged(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 15));
        moved(pi, LocalDate.of(2027, 3, 1));
        assertThat(task(EhcpReviewProcess.TASK_INVITE, pi)).hasDueDate(endOf(2027, 2, 15));
        assertThat(task(EhcpReviewProcess.TASK_ADVICE, pi)).hasDueDate(endOf(2027, 2, 15));
        assertThat(job(pi, "Timer_InvitationsLate").getDuedate()).as("two weeks before the new date").isEqualTo(endOf(2027, 2, 15));
        assertThat(job(pi, "Timer_AdviceLate").getDuedate()).isEqualTo(endOf(2027, 2, 15));

        today(2027, 2, 10); // past the old invitations-by (1 February), before the new one: no chase is due
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).duedateLowerThan(ClockUtil.getCurrentTime())
                .count()).isZero();
        invitationsAndAdviceDone(pi);
        assertThat(chases).isEmpty();
        assertThat(task(EhcpReviewProcess.TASK_MEETING, pi)).hasDueDate(endOf(2027, 3, 1));
        held(pi, LocalDate.of(2027, 3, 1));
        assertThat(job(pi, "Timer_ReportLate").getDuedate()).as("two weeks after the meeting as held").isEqualTo(endOf(2027, 3, 15));
    }

    @Test
    void aMeetingMovedSoonerChasesTheInvitationsAndAdviceNowDueAtOnce() {
        ProcessInstance pi = arranged(LocalDate.of(2027, 1, 11), LocalDate.of(2027, 2, 15));
        today(2027, 1, 25);
        moved(pi, LocalDate.of(2027, 2, 1));
        assertThat(job(pi, "Timer_InvitationsLate").getDuedate()).as("18 January, already past").isEqualTo(endOf(2027, 1, 18));
        fire(pi, "Timer_InvitationsLate");
        fire(pi, "Timer_AdviceLate");
        assertThat(chases).containsExactly(EhcpReviewProcess.CHASE_INVITATIONS, EhcpReviewProcess.CHASE_ADVICE);
        assertThat(pi).isWaitingAt(EhcpReviewProcess.TASK_INVITE, EhcpReviewProcess.TASK_ADVICE);
        invitationsAndAdviceDone(pi);
        assertThat(task(EhcpReviewProcess.TASK_MEETING, pi)).hasDueDate(endOf(2027, 2, 1));
    }
}
