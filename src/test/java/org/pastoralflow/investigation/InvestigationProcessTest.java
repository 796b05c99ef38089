package org.pastoralflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.support.EngineFacts;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;

/**
 * Every path of investigation.bpmn on a real engine; the CCTV timer by the engine clock. Who assigns
 * the investigator comes as a routing code; after every path the engine holds no "safeguarding" flag
 * (the variable the model kept before issue 13).
 */
@Deployment(resources = "processes/investigation.bpmn")
class InvestigationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("investigation"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Monday 23 November 2026, 10:40: a fight at morning break. */
    static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 11, 23, 10, 40);
    static final List<Long> STUDENTS = List.of(11L, 12L, 13L);

    /** The students of the incident, as the model asks for them. */
    public static class Parties {
        List<Long> sen = List.of();

        public List<Long> studentsOf(Long incidentId) {
            return STUDENTS;
        }

        public List<Long> senProposedForSuspension(Long incidentId) {
            return sen;
        }
    }

    Parties parties = new Parties();

    RecordingDelegate addToCaseFiles = new RecordingDelegate();
    RecordingDelegate referToDsl = new RecordingDelegate();
    RecordingDelegate warnCctv = new RecordingDelegate();
    RecordingDelegate startMediation = new RecordingDelegate();
    RecordingDelegate referForSupport = new RecordingDelegate();
    RecordingDelegate close = new RecordingDelegate();
    RecordingDelegate startSuspension = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(MONDAY_MORNING));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("investigationParties", parties);
        Mocks.register("startSuspensionFromIncident", startSuspension);
        Mocks.register("addIncidentToCaseFiles", addToCaseFiles);
        Mocks.register("referIncidentToDsl", referToDsl);
        Mocks.register("warnCctvExpiry", warnCctv);
        Mocks.register("startMediationFromIncident", startMediation);
        Mocks.register("referTargetForSupport", referForSupport);
        Mocks.register("closeInvestigation", close);
    }

    @AfterEach
    void reset() {
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), List.of("safeguarding"));
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    static Date at(LocalDateTime t) {
        return Date.from(t.atZone(ProcessTestEngine.LONDON).toInstant());
    }

    /** As IncidentLog logs it; a safeguarding incident's investigator is assigned by the DSL group. */
    static ProcessInstance log(boolean force, boolean referToDsl, boolean safeguarding) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(InvestigationProcess.INCIDENT_ID, 7L);
        vars.put(InvestigationProcess.REFERENCE, "I26-00007");
        vars.put(InvestigationProcess.FORCE_USED, force);
        vars.put(InvestigationProcess.REFER_TO_DSL, referToDsl);
        vars.put(InvestigationProcess.ASSIGN_GROUPS, safeguarding ? InvestigationProcess.ASSIGN_DSL : InvestigationProcess.ASSIGN_PASTORAL);
        // incident at 10:40 today, footage kept 30 days, warning 7 days before
        vars.put(InvestigationProcess.CCTV_WARN_AT, at(MONDAY_MORNING.plusDays(23)));
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(InvestigationProcess.KEY, "I26-00007", vars);
        assertThat(pi).isStarted();
        return pi;
    }

    static List<Task> open(ProcessInstance pi, String key) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    static void assign(ProcessInstance pi, String investigator) {
        complete(task(InvestigationProcess.TASK_ASSIGN, pi), withVariables(InvestigationProcess.INVESTIGATOR, investigator));
    }

    /** Every item of the evidence checklist done: a statement per student, staff, CCTV, the LSC. */
    static void evidence(ProcessInstance pi) {
        open(pi, InvestigationProcess.TASK_STUDENT_STATEMENT).forEach(BpmnAwareTests::complete);
        complete(task(InvestigationProcess.TASK_STAFF_STATEMENTS, pi));
        complete(task(InvestigationProcess.TASK_CCTV, pi));
        complete(task(InvestigationProcess.TASK_LSC, pi));
    }

    static void outcome(ProcessInstance pi, boolean approval, boolean mediation, boolean support) {
        complete(task(InvestigationProcess.TASK_OUTCOME, pi), withVariables(InvestigationProcess.NEEDS_HEAD_APPROVAL, approval,
                InvestigationProcess.OFFER_MEDIATION, mediation, InvestigationProcess.SUPPORT_TARGET, support));
    }

    @Test
    void aFightGoesToTheHeadOfYearWhoseInvestigatorWorksTheChecklistToAnOutcomeAndClosesWithEveryParentContacted() {
        ProcessInstance pi = log(false, false, false);
        assertThat(addToCaseFiles.calls()).isEqualTo(1);
        assertThat(pi).isWaitingAt(InvestigationProcess.TASK_ASSIGN).hasPassed("Gateway_ForceDone", "Gateway_ReferralDone")
                .hasNotPassed(InvestigationProcess.TASK_USE_OF_FORCE, "Task_ReferToDsl");
        assertThat(referToDsl.calls()).isZero();
        assertThat(task(InvestigationProcess.TASK_ASSIGN, pi)).hasCandidateGroup("hoy").hasCandidateGroup("pastoral-lead")
                .hasDueDate(at(MONDAY_MORNING.plusDays(1)));

        assign(pi, "hoy");
        List<Task> statements = open(pi, InvestigationProcess.TASK_STUDENT_STATEMENT);
        assertThat(statements).hasSize(3).allSatisfy(t -> {
            assertThat(t.getAssignee()).isEqualTo("hoy");
            assertThat(t.getDueDate()).isEqualTo(at(MONDAY_MORNING.plusDays(3)));
        });
        assertThat(statements.stream().map(t -> runtimeService().getVariable(t.getExecutionId(), InvestigationProcess.TASK_STUDENT_ID)))
                .containsExactlyInAnyOrderElementsOf(STUDENTS);
        assertThat(task(InvestigationProcess.TASK_STAFF_STATEMENTS, pi)).isAssignedTo("hoy");
        assertThat(task(InvestigationProcess.TASK_CCTV, pi)).isAssignedTo("hoy").hasDueDate(at(MONDAY_MORNING.plusDays(2)));
        assertThat(task(InvestigationProcess.TASK_LSC, pi)).isAssignedTo("hoy");

        // the outcome comes only once every item of the checklist is closed
        complete(statements.get(0));
        complete(task(InvestigationProcess.TASK_STAFF_STATEMENTS, pi));
        complete(task(InvestigationProcess.TASK_CCTV, pi));
        complete(task(InvestigationProcess.TASK_LSC, pi));
        assertThat(open(pi, InvestigationProcess.TASK_OUTCOME)).isEmpty();
        open(pi, InvestigationProcess.TASK_STUDENT_STATEMENT).forEach(BpmnAwareTests::complete);
        assertThat(task(InvestigationProcess.TASK_OUTCOME, pi)).isAssignedTo("hoy");

        outcome(pi, false, false, false);
        assertThat(pi).hasNotPassed(InvestigationProcess.TASK_HEAD_APPROVAL, "Task_StartMediation", "Task_ReferForSupport");
        List<Task> parents = open(pi, InvestigationProcess.TASK_PARENTS);
        assertThat(parents).hasSize(3).allSatisfy(t -> assertThat(t.getAssignee()).isEqualTo("hoy"));
        parents.subList(0, 2).forEach(BpmnAwareTests::complete);
        assertThat(close.calls()).isZero();
        complete(open(pi, InvestigationProcess.TASK_PARENTS).get(0));
        assertThat(close.calls()).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("End_Closed");
        assertThat(startMediation.calls() + referForSupport.calls() + warnCctv.calls()).isZero();
    }

    @Test
    void forceUsedMeansAUseOfForceRecordDueTheSameSchoolDayThatMustBeDoneBeforeTheInvestigationCloses() {
        ProcessInstance pi = log(true, false, false);
        Task force = task(InvestigationProcess.TASK_USE_OF_FORCE, pi);
        assertThat(force).hasCandidateGroup("hoy").hasCandidateGroup("pastoral-lead").hasCandidateGroup("slt")
                .hasDueDate(at(MONDAY_MORNING.withHour(23).withMinute(59)));
        assertThat(force.getPriority()).isEqualTo(90);

        assign(pi, "pso");
        evidence(pi);
        outcome(pi, false, false, false);
        open(pi, InvestigationProcess.TASK_PARENTS).forEach(BpmnAwareTests::complete);
        assertThat(pi).isWaitingAt(InvestigationProcess.TASK_USE_OF_FORCE).isNotEnded();
        assertThat(close.calls()).isZero();
        complete(force);
        assertThat(pi).isEnded().hasPassed(InvestigationProcess.TASK_USE_OF_FORCE, "End_Closed");
    }

    @Test
    void loggedOnASaturdayTheUseOfForceRecordIsDueByTheEndOfMonday() {
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 11, 28, 14, 0)));
        ProcessInstance pi = log(true, false, false);
        assertThat(task(InvestigationProcess.TASK_USE_OF_FORCE, pi)).hasDueDate(at(LocalDateTime.of(2026, 11, 30, 23, 59)));
    }

    @Test
    void harmfulSexualBehaviourIsReferredToTheDslAndTheDslGroupAssignsTheInvestigator() {
        ProcessInstance pi = log(false, true, true);
        assertThat(pi).variables().containsEntry(InvestigationProcess.ASSIGN_GROUPS, "dsl");
        assertThat(referToDsl.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("Task_ReferToDsl");
        assertThat(task(InvestigationProcess.TASK_ASSIGN, pi)).hasCandidateGroup("dsl");
        assertThat(engine.getProcessEngine().getTaskService().getIdentityLinksForTask(task(InvestigationProcess.TASK_ASSIGN, pi).getId()))
                .extracting(l -> l.getGroupId()).containsExactly("dsl");
    }

    @Test
    void aSuspensionNeedsTheHeadteacherWhoCanSendTheOutcomeBackThenMediationAndSupportAreStarted() {
        ProcessInstance pi = log(false, true, false);
        assign(pi, "hoy");
        evidence(pi);
        outcome(pi, true, true, true);
        Task approval = task(InvestigationProcess.TASK_HEAD_APPROVAL, pi);
        assertThat(approval).hasCandidateGroup("slt").hasDueDate(at(MONDAY_MORNING.plusDays(1)));

        complete(approval, withVariables(InvestigationProcess.HEAD_APPROVED, false));
        assertThat(pi).hasPassed("Gateway_Approved").hasNotPassed("Task_StartMediation");
        assertThat(task(InvestigationProcess.TASK_OUTCOME, pi)).isAssignedTo("hoy");
        assertThat(startMediation.calls()).isZero();

        outcome(pi, true, true, true);
        complete(task(InvestigationProcess.TASK_HEAD_APPROVAL, pi), withVariables(InvestigationProcess.HEAD_APPROVED, true));
        assertThat(pi).hasPassed("Gateway_SanctionDecided", "Task_StartSuspension", "Task_StartMediation", "Task_ReferForSupport")
                .hasNotPassed(InvestigationProcess.TASK_CONSULT_SENCO);
        assertThat(startSuspension.calls()).isEqualTo(1);
        assertThat(startMediation.calls()).isEqualTo(1);
        assertThat(referForSupport.calls()).isEqualTo(1);
        assertThat(open(pi, InvestigationProcess.TASK_PARENTS)).hasSize(3);
    }

    @Test
    void aSuspensionProposedForPupilsWithSenWaitsForTheSencosAdviceOnEachBeforeTheHeadteacherDecides() {
        parties.sen = List.of(12L, 13L);
        ProcessInstance pi = log(false, false, false);
        assign(pi, "hoy");
        evidence(pi);
        outcome(pi, true, false, false);
        List<Task> senco = open(pi, InvestigationProcess.TASK_CONSULT_SENCO);
        assertThat(senco).hasSize(2).allSatisfy(t -> {
            assertThat(t).hasCandidateGroup("senco").hasDueDate(at(MONDAY_MORNING.plusDays(1)));
            assertThat(t.getPriority()).isEqualTo(80);
        });
        assertThat(senco.stream().map(t -> runtimeService().getVariable(t.getExecutionId(), InvestigationProcess.TASK_STUDENT_ID)))
                .containsExactlyInAnyOrder(12L, 13L);
        assertThat(open(pi, InvestigationProcess.TASK_HEAD_APPROVAL)).isEmpty();
        complete(senco.get(0));
        assertThat(open(pi, InvestigationProcess.TASK_HEAD_APPROVAL)).isEmpty();
        complete(open(pi, InvestigationProcess.TASK_CONSULT_SENCO).get(0));
        complete(task(InvestigationProcess.TASK_HEAD_APPROVAL, pi), withVariables(InvestigationProcess.HEAD_APPROVED, true));
        assertThat(pi).hasPassed("Task_StartSuspension");
        assertThat(startSuspension.calls()).isEqualTo(1);
    }

    @Test
    void forASafeguardingIncidentTheDslGroupConsultsTheSenco() {
        parties.sen = List.of(12L);
        ProcessInstance pi = log(false, true, true);
        assign(pi, "dsl");
        evidence(pi);
        outcome(pi, true, false, false);
        assertThat(engine.getProcessEngine().getTaskService().getIdentityLinksForTask(task(InvestigationProcess.TASK_CONSULT_SENCO, pi).getId()))
                .extracting(l -> l.getGroupId()).containsExactly("dsl");
    }

    @Test
    void theInvestigatorIsWarnedBeforeTheCctvIsOverwrittenAndTheCheckStaysOpen() {
        ProcessInstance pi = log(false, false, false);
        assign(pi, "hoy");
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_CctvExpiry").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(at(MONDAY_MORNING.plusDays(23)));

        ClockUtil.setCurrentTime(at(MONDAY_MORNING.plusDays(22)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(at(MONDAY_MORNING.plusDays(23).plusMinutes(1)));
        Job due = managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult();
        assertThat(due.getId()).isEqualTo(timer.getId());
        managementService().executeJob(due.getId());

        assertThat(warnCctv.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_CctvWarned").isWaitingAt(InvestigationProcess.TASK_CCTV);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void theCctvTimerEndsWithTheCheckWhenItIsDoneInTime() {
        ProcessInstance pi = log(false, false, false);
        assign(pi, "hoy");
        complete(task(InvestigationProcess.TASK_CCTV, pi));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_CctvExpiry").count()).isZero();
        assertThat(warnCctv.calls()).isZero();
    }
}
