package org.pastoralflow.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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

/** Every path of attendance.bpmn on a real engine, timers by the engine clock. */
@Deployment(resources = "processes/attendance.bpmn")
class AttendanceProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("attendance"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 23, 9, 0);

    /** Stands in for "Compare attendance with the start": answers what the test says. */
    static class Comparison implements JavaDelegate {
        boolean improved;

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(AttendanceProcess.IMPROVED, improved);
        }
    }

    Comparison compare = new Comparison();
    RecordingDelegate close = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(MONDAY_9AM));
        Mocks.register("compareAttendance", compare);
        Mocks.register("closeAttendanceConcern", close);
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
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

    static ProcessInstance open(boolean severe) {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(AttendanceProcess.KEY, "A26-00001",
                Map.of(AttendanceProcess.CONCERN_ID, 1L, AttendanceProcess.STUDENT_ID, 2L,
                        AttendanceProcess.REFERENCE, "A26-00001", AttendanceProcess.SEVERE, severe));
        assertThat(pi).isStarted();
        return pi;
    }

    static Job reviewTimer(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ReviewDue").singleResult();
    }

    /** Contact home, the meeting, and the 4 school weeks. */
    void toReview(ProcessInstance pi) {
        complete(task("Task_ContactHome", pi));
        complete(task("Task_AttendanceMeeting", pi));
        managementService().executeJob(reviewTimer(pi).getId());
    }

    @Test
    void persistentAbsenceGoesToThePsoWhoContactsHomeWithinTwoSchoolDays() {
        ProcessInstance pi = open(false);
        assertThat(pi).isWaitingAt("Task_ContactHome");
        assertThat(task()).hasCandidateGroup("pso").hasDueDate(at(MONDAY_9AM.plusDays(2)));
        complete(task());
        assertThat(pi).isWaitingAt("Task_AttendanceMeeting");
        complete(task());
        // 20 school days from Mon 23 Nov 2026: 19 before Christmas, then Tue 5 Jan 2027 (4 Jan is INSET)
        assertThat(reviewTimer(pi).getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 5, 9, 0)));
    }

    @Test
    void severeAbsenceAlsoGoesToTheDsl() {
        ProcessInstance pi = open(true);
        assertThat(pi).isWaitingAt("Task_DslSevereReview", "Task_ContactHome");
        assertThat(task("Task_DslSevereReview", pi)).hasCandidateGroup("dsl");
        complete(task("Task_DslSevereReview", pi));
        // the DSL's branch waits at the join for the PSO's work
        assertThat(pi).hasPassed("Gateway_DslDone").isWaitingAt("Task_ContactHome").isNotEnded();
        assertThat(close.calls()).isZero();
    }

    @Test
    void aSevereConcernClosesOnlyWhenThePsoHasFinishedAndTheDslHasReviewedIt() {
        ProcessInstance pi = open(true);
        compare.improved = true;
        toReview(pi);
        // attendance has improved, but the DSL has not reviewed the severe absence yet: nothing closes
        assertThat(close.calls()).isZero();
        assertThat(pi).hasPassed("Gateway_PsoDone").isWaitingAt("Task_DslSevereReview").isNotEnded();
        complete(task("Task_DslSevereReview", pi));
        assertThat(close.calls()).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("Gateway_Join", "Task_CloseConcern", "End_Closed");
    }

    @Test
    void anImprovingStudentClosesTheConcernWithTheFigures() {
        ProcessInstance pi = open(false);
        compare.improved = true;
        toReview(pi);
        assertThat(close.calls()).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("Gateway_PsoDone", "Gateway_Join", "End_Closed").hasNotPassed("Task_DslSevereReview", "Task_ReviewNoImprovement");
    }

    @Test
    void noImprovementMeansAReviewThatCanContinueOrEscalate() {
        ProcessInstance pi = open(false);
        compare.improved = false;
        toReview(pi);
        assertThat(pi).isWaitingAt("Task_ReviewNoImprovement");
        complete(task("Task_ReviewNoImprovement", pi), withVariables(AttendanceProcess.REVIEW_DECISION, "continue"));
        assertThat(pi).isWaitingAt("Timer_ReviewDue");

        managementService().executeJob(reviewTimer(pi).getId());
        complete(task("Task_ReviewNoImprovement", pi), withVariables(AttendanceProcess.REVIEW_DECISION, "escalate"));
        assertThat(pi).isWaitingAt("Task_NotifyLocalAuthority");
        assertThat(close.calls()).isZero();
        complete(task("Task_NotifyLocalAuthority", pi));
        // closed by the model after the referral (the outcome "escalated" comes from improved = false)
        assertThat(close.calls()).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("Task_NotifyLocalAuthority", "End_Closed").variables().containsEntry(AttendanceProcess.IMPROVED, false);
    }

    @Test
    void aSevereConcernReferredToTheLocalAuthorityAfterTheDslReviewClosesThen() {
        ProcessInstance pi = open(true);
        complete(task("Task_DslSevereReview", pi));
        compare.improved = false;
        toReview(pi);
        complete(task("Task_ReviewNoImprovement", pi), withVariables(AttendanceProcess.REVIEW_DECISION, "escalate"));
        complete(task("Task_NotifyLocalAuthority", pi));
        assertThat(close.calls()).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("Task_DslSevereReview", "Task_NotifyLocalAuthority", "End_Closed");
    }

    @Test
    void tenDaysOfUnexplainedAbsenceIsADslTaskToTellTheLocalAuthority() {
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(AttendanceProcess.TEN_DAYS_MESSAGE, "A26-00002",
                Map.of(AttendanceProcess.CONCERN_ID, 2L, AttendanceProcess.STUDENT_ID, 2L, AttendanceProcess.REFERENCE, "A26-00002",
                        AttendanceProcess.SEVERE, true));
        assertThat(pi).isWaitingAt("Task_NotifyMissingEducation");
        assertThat(task("Task_NotifyMissingEducation", pi)).hasCandidateGroup("dsl").hasDueDate(at(MONDAY_9AM.plusDays(1)));
        complete(task("Task_NotifyMissingEducation", pi));
        assertThat(pi).isEnded().hasPassed("End_LocalAuthorityNotified");
    }

    @Test
    void persistentLatenessIsAPsoTaskToContactHomeAndAgreeAPlan() {
        ProcessInstance pi = runtimeService().startProcessInstanceByMessage(AttendanceProcess.LATENESS_MESSAGE, "A26-00003",
                Map.of(AttendanceProcess.CONCERN_ID, 3L, AttendanceProcess.STUDENT_ID, 3L, AttendanceProcess.REFERENCE, "A26-00003",
                        AttendanceProcess.SEVERE, false));
        assertThat(pi).isWaitingAt("Task_LatenessContactHome");
        // 5 school days from Monday 23 November 2026
        assertThat(task("Task_LatenessContactHome", pi)).hasCandidateGroup("pso").hasDueDate(at(MONDAY_9AM.plusDays(7)));
        complete(task("Task_LatenessContactHome", pi));
        assertThat(pi).isEnded().hasPassed("End_LatenessFollowedUp").hasNotPassed("Task_ContactHome");
    }
}
