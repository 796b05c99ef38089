package org.pastoralflow.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.pastoralflow.transition.TransitionTestCalendar.at;
import static org.pastoralflow.transition.TransitionTestCalendar.endOf;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.support.EngineFacts;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;
import org.pastoralflow.transition.process.TransitionDates;
import org.pastoralflow.workflow.SchoolClock;

/**
 * Every path of transition.bpmn with its triage table, on a real engine: the allocation list in
 * March 2027, the chase loop, the enhanced transition, transition days, 1 September, Right Start
 * and the settling-in review, the CP file with its KCSIE deadline, concerns and a declined place.
 * Timers by the engine clock on the school's 2026-27 calendar. The facts the triage table and the
 * withdrawal gateway need come from the record through transient variables; after every path the
 * engine holds none of them.
 */
@Deployment(resources = {"processes/transition.bpmn", "processes/transition-triage.dmn"})
class TransitionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("transition"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** National offer day has passed; the Pastoral Lead imports the list on Monday 1 March 2027. */
    static final LocalDateTime IMPORTED = LocalDateTime.of(2027, 3, 1, 9, 0);

    /** Keeps the concern each "Refer the concern" call was given. */
    static class ConcernsReferred implements JavaDelegate {
        final List<Object> concernIds = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            concernIds.add(execution.getVariable(TransitionProcess.CONCERN_ID));
        }
    }

    /** Names a fact about the child could be kept under, now or by the models before issue 13. */
    static final List<String> FACTS = List.of(TransitionProcess.EHCP, TransitionProcess.IN_CARE, TransitionProcess.CP_PLAN,
            TransitionProcess.ANXIETY, TransitionProcess.YOUNG_CARER, TransitionProcess.PRIMARY_RECOMMENDS,
            TransitionProcess.CP_FILE_TO_DEAL_WITH, "cpFileExpected");

    /** "Read what the triage table needs": what the transition record says, as transient variables. */
    static class ReadsTriageFacts implements JavaDelegate {
        final Map<String, Boolean> record = new HashMap<>();
        int calls;

        ReadsTriageFacts() {
            FACTS.subList(0, 6).forEach(f -> record.put(f, false));
        }

        @Override
        public void execute(DelegateExecution execution) {
            calls++;
            record.forEach((name, value) -> execution.setVariable(name, Variables.booleanValue(value, true)));
        }
    }

    /** "Record the withdrawal", telling the gateway after it whether the record expects a CP file. */
    static class RecordsWithdrawal implements JavaDelegate {
        boolean cpFileExpected;
        int calls;

        @Override
        public void execute(DelegateExecution execution) {
            calls++;
            execution.setVariable(TransitionProcess.CP_FILE_TO_DEAL_WITH, Variables.booleanValue(cpFileExpected, true));
        }
    }

    /** Gives the student a case file, as TransitionSteps.enrol does. */
    static class Enrols implements JavaDelegate {
        int calls;

        @Override
        public void execute(DelegateExecution execution) {
            calls++;
            execution.setVariable(TransitionProcess.STUDENT_ID, 900L);
        }
    }

    RecordingDelegate request = new RecordingDelegate();
    RecordingDelegate chase = new RecordingDelegate();
    ReadsTriageFacts triageFacts = new ReadsTriageFacts();
    RecordingDelegate recordPathway = new RecordingDelegate();
    Enrols enrol = new Enrols();
    RecordingDelegate escalateCpFile = new RecordingDelegate();
    ConcernsReferred refer = new ConcernsReferred();
    RecordsWithdrawal withdrawal = new RecordsWithdrawal();
    RecordingDelegate escalateSettlingIn = new RecordingDelegate();
    RecordingDelegate close = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(IMPORTED));
        Mocks.register("deadlines", TransitionTestCalendar.deadlines());
        Mocks.register("transitionDates", new TransitionDates(TransitionTestCalendar::transitionCalendar,
                year -> TransitionTestCalendar.INTERVIEWS_DUE, new SchoolClock(ProcessTestEngine.LONDON)));
        Mocks.register("requestPrimaryInformation", request);
        Mocks.register("chasePrimary", chase);
        Mocks.register("readTriageFacts", triageFacts);
        Mocks.register("recordPathway", recordPathway);
        Mocks.register("enrolInYear7", enrol);
        Mocks.register("escalateCpFile", escalateCpFile);
        Mocks.register("referTransitionConcern", refer);
        Mocks.register("recordWithdrawal", withdrawal);
        Mocks.register("escalateSettlingIn", escalateSettlingIn);
        Mocks.register("closeTransition", close);
    }

    @AfterEach
    void reset() {
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), FACTS);
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    /** As TransitionAllocation starts it: ids and flow only; a CP plan stays on the record. */
    ProcessInstance allocated(boolean cpPlan) {
        triageFacts.record.put(TransitionProcess.CP_PLAN, cpPlan);
        Map<String, Object> vars = new HashMap<>();
        vars.put(TransitionProcess.TRANSITION_ID, 7L);
        vars.put(TransitionProcess.REFERENCE, "T27-00007");
        vars.put(TransitionProcess.ENTRY_YEAR, 2027);
        vars.put(TransitionProcess.PRIMARY_CHASED, false);
        vars.put(TransitionProcess.MISSED_TRANSITION_DAY, false);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(TransitionProcess.KEY, "T27-00007", vars);
        assertThat(pi).isStarted();
        return pi;
    }

    /** As TransitionRecording.expectCpFile does: the record expects the file, then the message. */
    void expectCpFile(ProcessInstance pi) {
        withdrawal.cpFileExpected = true;
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_CP_FILE_EXPECTED).processInstanceId(pi.getId()).correlate();
    }

    static void daysRecorded(ProcessInstance pi, boolean missed) {
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_DAYS_RECORDED).processInstanceId(pi.getId())
                .setVariable(TransitionProcess.MISSED_TRANSITION_DAY, missed).correlate();
    }

    static Job job(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    /** Moves the clock to the timer and runs it, after checking it does not fire a minute early. */
    static void fire(ProcessInstance pi, String activityId) {
        Job j = job(pi, activityId);
        ClockUtil.setCurrentTime(new java.util.Date(j.getDuedate().getTime() - 60_000));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).executable().count())
                .isZero();
        ClockUtil.setCurrentTime(new java.util.Date(j.getDuedate().getTime() + 60_000));
        managementService().executeJob(j.getId());
    }

    /** The form writes what the primary says on the record and completes the task with no variables. */
    void informationReceived(ProcessInstance pi, String... flagsOnTheRecord) {
        for (String flag : flagsOnTheRecord) {
            triageFacts.record.put(flag, true);
        }
        complete(task(TransitionProcess.TASK_PRIMARY_INFORMATION, pi));
    }

    /** Interview, transition days, 1 September, Right Start and the settling-in review, to the end. */
    void throughSeptember(ProcessInstance pi) {
        complete(task(TransitionProcess.TASK_INTERVIEW, pi));
        daysRecorded(pi, false);
        assertThat(pi).isWaitingAt("Timer_FirstSeptember");
        fire(pi, "Timer_FirstSeptember");
        assertThat(enrol.calls).isEqualTo(1);
        assertThat(pi).variables().containsEntry(TransitionProcess.STUDENT_ID, 900L);
        assertThat(task(TransitionProcess.TASK_RIGHT_START, pi)).hasCandidateGroup("hoy").hasCandidateGroup("pastoral-lead")
                .hasDueDate(endOf(LocalDate.of(2027, 9, 16)));
        complete(task(TransitionProcess.TASK_RIGHT_START, pi));
        assertThat(task(TransitionProcess.TASK_SETTLING_IN, pi)).hasCandidateGroup("hoy").hasCandidateGroup("pso")
                .hasDueDate(endOf(LocalDate.of(2027, 10, 22)));
        complete(task(TransitionProcess.TASK_SETTLING_IN, pi));
    }

    @Test
    void aStandardTransitionRunsFromTheAllocationListToSettlingInBeforeHalfTerm() {
        ProcessInstance pi = allocated(false);
        assertThat(request.calls()).isEqualTo(1);
        assertThat(pi).isWaitingAt(TransitionProcess.TASK_PRIMARY_INFORMATION, TransitionProcess.EVENT_DAYS_RECORDED,
                "Timer_FirstSeptember");
        // 15 school days from Monday 1 March 2027
        assertThat(task(TransitionProcess.TASK_PRIMARY_INFORMATION, pi)).hasCandidateGroup("pastoral-lead")
                .hasDueDate(at(LocalDateTime.of(2027, 3, 22, 9, 0)));
        assertThat(job(pi, "Timer_FirstSeptember").getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 9, 1, 6, 0)));
        informationReceived(pi);
        assertThat(triageFacts.calls).isEqualTo(1);
        assertThat(pi).variables().containsEntry(TransitionProcess.PATHWAY, Transition.STANDARD);
        assertThat(recordPathway.calls()).isEqualTo(1);
        assertThat(task(TransitionProcess.TASK_INTERVIEW, pi)).hasCandidateGroup("hoy").hasCandidateGroup("pso")
                .hasDueDate(endOf(TransitionTestCalendar.INTERVIEWS_DUE));
        throughSeptember(pi);
        assertThat(pi).isEnded().hasPassed("Gateway_PathwayMerge", "Gateway_DaysMerge", "End_Settled")
                .hasNotPassed("Gateway_EnhancedSplit", TransitionProcess.TASK_MISSED_DAY, "Task_ChasePrimary");
        assertThat(close.calls()).isEqualTo(1);
    }

    @Test
    void anxietyReportedByThePrimaryMeansExtraVisitsASencoMeetingAndAParentInterviewBeforeTheInterview() {
        ProcessInstance pi = allocated(false);
        informationReceived(pi, TransitionProcess.ANXIETY);
        assertThat(pi).variables().containsEntry(TransitionProcess.PATHWAY, Transition.ENHANCED);
        assertThat(task(TransitionProcess.TASK_EXTRA_VISITS, pi)).hasCandidateGroup("pso").hasDueDate(endOf(TransitionTestCalendar.INTERVIEWS_DUE));
        assertThat(task(TransitionProcess.TASK_SENCO_MEETING, pi)).hasCandidateGroup("senco");
        assertThat(task(TransitionProcess.TASK_PARENT_INTERVIEW, pi)).hasCandidateGroup("pastoral-lead").hasCandidateGroup("hoy");
        complete(task(TransitionProcess.TASK_EXTRA_VISITS, pi));
        complete(task(TransitionProcess.TASK_SENCO_MEETING, pi));
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TransitionProcess.TASK_INTERVIEW).count()).isZero();
        complete(task(TransitionProcess.TASK_PARENT_INTERVIEW, pi));
        throughSeptember(pi);
        assertThat(pi).isEnded().hasPassed("Gateway_EnhancedSplit", TransitionProcess.TASK_EXTRA_VISITS, "Gateway_EnhancedJoin", "End_Settled");
    }

    @Test
    void informationNotInOnTimeIsChasedThenChasedAgainEveryFiveSchoolDays() {
        ProcessInstance pi = allocated(false);
        fire(pi, "Timer_InformationOverdue");
        assertThat(chase.calls()).isEqualTo(1);
        assertThat(pi).variables().containsEntry(TransitionProcess.PRIMARY_CHASED, true);
        // 5 school days after Monday 22 March: 23, 24, 25 March, the Easter holiday, 12 and 13 April
        assertThat(task(TransitionProcess.TASK_PRIMARY_INFORMATION, pi)).hasDueDate(at(LocalDateTime.of(2027, 4, 13, 9, 1)));
        fire(pi, "Timer_InformationOverdue");
        assertThat(chase.calls()).isEqualTo(2);
        informationReceived(pi);
        assertThat(pi).isWaitingAt(TransitionProcess.TASK_INTERVIEW);
    }

    @Test
    void aChildProtectionPlanOnTheListGivesTheDslTheCpFileWithTheKcsieDeadlineAndEscalatesWhenMissed() {
        ProcessInstance pi = allocated(true);
        expectCpFile(pi);
        // the first 5 school days of the autumn term: Fri 3, Mon 6, Tue 7, Wed 8, Thu 9 September 2027
        assertThat(task(TransitionProcess.TASK_CP_FILE, pi)).hasCandidateGroup("dsl").hasDueDate(endOf(LocalDate.of(2027, 9, 9)));
        informationReceived(pi);
        assertThat(pi).variables().containsEntry(TransitionProcess.PATHWAY, Transition.ENHANCED);
        fire(pi, "Timer_CpFileDeadline");
        assertThat(escalateCpFile.calls()).isEqualTo(1);
        assertThat(task(TransitionProcess.TASK_CP_FILE, pi)).isNotNull();
        complete(task(TransitionProcess.TASK_CP_FILE, pi));
        assertThat(pi).hasPassed("End_CpFileReviewed", "End_CpFileEscalated");
    }

    @Test
    void theTransitionDoesNotCloseWhileTheCpFileIsStillToBeReviewed() {
        ProcessInstance pi = allocated(false);
        informationReceived(pi);
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 9, 20, 11, 0)));
        expectCpFile(pi);
        // expected in term: 5 school days from Monday 20 September
        assertThat(task(TransitionProcess.TASK_CP_FILE, pi)).hasDueDate(endOf(LocalDate.of(2027, 9, 27)));
        throughSeptember(pi);
        assertThat(pi).isNotEnded().hasPassed("End_Settled");
        complete(task(TransitionProcess.TASK_CP_FILE, pi));
        assertThat(pi).isEnded();
    }

    @Test
    void aMissedTransitionDayIsFollowedUpByAPso() {
        ProcessInstance pi = allocated(false);
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 7, 8, 15, 30)));
        daysRecorded(pi, true);
        // 5 school days after Thursday 8 July 2027
        assertThat(task(TransitionProcess.TASK_MISSED_DAY, pi)).hasCandidateGroup("pso").hasDueDate(at(LocalDateTime.of(2027, 7, 15, 15, 30)));
        complete(task(TransitionProcess.TASK_MISSED_DAY, pi));
        assertThat(pi).hasPassed(TransitionProcess.TASK_MISSED_DAY, "Gateway_DaysMerge").isWaitingAt(TransitionProcess.TASK_PRIMARY_INFORMATION);
    }

    @Test
    void eachConcernRaisedStartsItsOwnReferralWhileEverythingElseCarriesOn() {
        ProcessInstance pi = allocated(false);
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_CONCERN).processInstanceId(pi.getId())
                .setVariablesToTriggeredScope(Map.of(TransitionProcess.CONCERN_ID, 41L)).correlate();
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_CONCERN).processInstanceId(pi.getId())
                .setVariablesToTriggeredScope(Map.of(TransitionProcess.CONCERN_ID, 42L)).correlate();
        assertThat(refer.concernIds).containsExactly(41L, 42L);
        assertThat(pi).hasPassed("End_ConcernReferred").isWaitingAt(TransitionProcess.TASK_PRIMARY_INFORMATION);
        assertThat(runtimeService().getVariables(pi.getId())).doesNotContainKey(TransitionProcess.CONCERN_ID);
    }

    @Test
    void aDeclinedPlaceEndsTheTransition() {
        ProcessInstance pi = allocated(false);
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_WITHDRAWN).processInstanceId(pi.getId()).correlate();
        assertThat(withdrawal.calls).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("End_Withdrawn");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aDeclinedPlaceWithACpFileExpectedLeavesTheDslToTellThePrimaryOrPassItOn() {
        ProcessInstance pi = allocated(true);
        expectCpFile(pi);
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_WITHDRAWN).processInstanceId(pi.getId()).correlate();
        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(TransitionProcess.TASK_CP_FILE).count()).isZero();
        assertThat(task(TransitionProcess.TASK_CP_FILE_WITHDRAWN, pi)).hasCandidateGroup("dsl")
                .hasDueDate(at(LocalDateTime.of(2027, 3, 8, 9, 0)));
        complete(task(TransitionProcess.TASK_CP_FILE_WITHDRAWN, pi));
        assertThat(pi).isEnded().hasPassed("End_WithdrawnCpFileHandled");
    }

    @Test
    void aSettlingInReviewNotDoneBeforeHalfTermIsEscalatedAndStaysOpen() {
        ProcessInstance pi = allocated(false);
        informationReceived(pi);
        complete(task(TransitionProcess.TASK_INTERVIEW, pi));
        daysRecorded(pi, false);
        fire(pi, "Timer_FirstSeptember");
        complete(task(TransitionProcess.TASK_RIGHT_START, pi));
        fire(pi, "Timer_SettlingInOverdue");
        assertThat(escalateSettlingIn.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_SettlingInEscalated").isWaitingAt(TransitionProcess.TASK_SETTLING_IN);
        complete(task(TransitionProcess.TASK_SETTLING_IN, pi));
        assertThat(pi).isEnded().hasPassed("End_Settled");
    }

    @Test
    void theTriageTableMakesEachVulnerabilityAnEnhancedTransitionAndNothingElseDoes() {
        List<String> flags = List.of(TransitionProcess.EHCP, TransitionProcess.IN_CARE, TransitionProcess.CP_PLAN,
                TransitionProcess.ANXIETY, TransitionProcess.YOUNG_CARER, TransitionProcess.PRIMARY_RECOMMENDS);
        for (String flag : flags) {
            Map<String, Object> vars = new HashMap<>();
            flags.forEach(f -> vars.put(f, f.equals(flag)));
            assertThat((String) BpmnAwareTests.decisionService().evaluateDecisionTableByKey(TransitionProcess.TRIAGE_DECISION, vars)
                    .getSingleEntry()).as(flag).isEqualTo(Transition.ENHANCED);
        }
        Map<String, Object> none = new HashMap<>();
        flags.forEach(f -> none.put(f, false));
        assertThat((String) BpmnAwareTests.decisionService().evaluateDecisionTableByKey(TransitionProcess.TRIAGE_DECISION, none)
                .getSingleEntry()).isEqualTo(Transition.STANDARD);
    }

    @Test
    void aPlaceAllocatedAfterFirstSeptemberIsOnRollAtOnce() {
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 9, 14, 10, 0)));
        ProcessInstance pi = allocated(false);
        Job onRoll = job(pi, "Timer_FirstSeptember");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().list())
                .extracting(Job::getId).contains(onRoll.getId());
        managementService().executeJob(onRoll.getId());
        assertThat(enrol.calls).isEqualTo(1);
    }
}
