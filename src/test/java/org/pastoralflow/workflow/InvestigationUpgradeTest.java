package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;

/**
 * The upgrade of issue 15 on a real engine (PostgreSQL): investigations started on the model as it
 * was before the suspension workflow (processes-before-issue-15/investigation.bpmn) wait for their
 * outcome, for the Headteacher's approval of a suspension, and in the evidence checklist with the
 * CCTV timer, when the new model is deployed. Left on the old version, an approved suspension would
 * start no suspension workflow (no parent notice, no reintegration meeting) and a pupil with SEN
 * would be suspended without the SENCO consulted. At start-up they are moved to the new model, due
 * dates and timers kept, and go on through its new steps.
 */
class InvestigationUpgradeTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("investigationupgrade")).build();

    static final LocalDateTime MONDAY_MORNING = LocalDateTime.of(2026, 11, 23, 10, 40);
    static final String OLDEST_DRIVABLE = ModelUpgrades.OLDEST_DRIVABLE.get(InvestigationProcess.KEY);

    /** The students of the incident, as the model asks for them; one of them has SEN. */
    public static class Parties {
        public List<Long> studentsOf(Long incidentId) {
            return List.of(11L, 12L);
        }

        public List<Long> senProposedForSuspension(Long incidentId) {
            return List.of(12L);
        }
    }

    RecordingDelegate startSuspension = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(MONDAY_MORNING));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("investigationParties", new Parties());
        Mocks.register("startSuspensionFromIncident", startSuspension);
        for (String delegate : List.of("addIncidentToCaseFiles", "referIncidentToDsl", "warnCctvExpiry", "startMediationFromIncident",
                "referTargetForSupport", "closeInvestigation")) {
            Mocks.register(delegate, new RecordingDelegate());
        }
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

    static ProcessInstance log(long id) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(InvestigationProcess.INCIDENT_ID, id);
        vars.put(InvestigationProcess.REFERENCE, "I26-0000" + id);
        vars.put(InvestigationProcess.FORCE_USED, false);
        vars.put(InvestigationProcess.REFER_TO_DSL, false);
        vars.put(InvestigationProcess.ASSIGN_GROUPS, InvestigationProcess.ASSIGN_PASTORAL);
        vars.put(InvestigationProcess.CCTV_WARN_AT, at(MONDAY_MORNING.plusDays(23)));
        return runtimeService().startProcessInstanceByKey(InvestigationProcess.KEY, "I26-0000" + id, vars);
    }

    static void toOutcome(ProcessInstance pi) {
        complete(task(InvestigationProcess.TASK_ASSIGN, pi), withVariables(InvestigationProcess.INVESTIGATOR, "hoy"));
        taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(InvestigationProcess.TASK_STUDENT_STATEMENT).list()
                .forEach(BpmnAwareTests::complete);
        complete(task(InvestigationProcess.TASK_STAFF_STATEMENTS, pi));
        complete(task(InvestigationProcess.TASK_CCTV, pi));
        complete(task(InvestigationProcess.TASK_LSC, pi));
    }

    static void suspensionProposed(ProcessInstance pi) {
        complete(task(InvestigationProcess.TASK_OUTCOME, pi), withVariables(InvestigationProcess.NEEDS_HEAD_APPROVAL, true,
                InvestigationProcess.OFFER_MEDIATION, false, InvestigationProcess.SUPPORT_TARGET, false));
    }

    static String definitionOf(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId();
    }

    @Test
    void runningInvestigationsOfTheModelBeforeSuspensionsAreMovedAndStartTheSuspensionTheHeadApproves() {
        repositoryService().createDeployment().addClasspathResource("processes-before-issue-15/investigation.bpmn").deploy();
        ProcessInstance atOutcome = log(1);
        toOutcome(atOutcome);
        ProcessInstance atApproval = log(2);
        toOutcome(atApproval);
        suspensionProposed(atApproval);
        ProcessInstance inChecklist = log(3);
        complete(task(InvestigationProcess.TASK_ASSIGN, inChecklist), withVariables(InvestigationProcess.INVESTIGATOR, "pso"));
        String oldVersion = definitionOf(atOutcome);
        Date approvalDue = task(InvestigationProcess.TASK_HEAD_APPROVAL, atApproval).getDueDate();
        String approvalTask = task(InvestigationProcess.TASK_HEAD_APPROVAL, atApproval).getId();
        Date cctvWarning = managementService().createJobQuery().processInstanceId(inChecklist.getId()).timers().singleResult()
                .getDuedate();
        assertThat((Object) repositoryService().getBpmnModelInstance(oldVersion).getModelElementById(OLDEST_DRIVABLE)).isNull();

        // the new model is deployed and the application starts
        repositoryService().createDeployment().addClasspathResource("processes/investigation.bpmn").deploy();
        ModelUpgrades atStartUp = new ModelUpgrades(engine.getProcessEngine());
        assertThat(atStartUp.moveToNewest(InvestigationProcess.KEY, OLDEST_DRIVABLE)).isEqualTo(3);
        for (ProcessInstance pi : List.of(atOutcome, atApproval, inChecklist)) {
            assertThat(definitionOf(pi)).isNotEqualTo(oldVersion);
        }
        assertThat(task(InvestigationProcess.TASK_HEAD_APPROVAL, atApproval).getId()).isEqualTo(approvalTask);
        assertThat(task(InvestigationProcess.TASK_HEAD_APPROVAL, atApproval).getDueDate()).isEqualTo(approvalDue);
        assertThat(managementService().createJobQuery().processInstanceId(inChecklist.getId()).timers().singleResult().getDuedate())
                .isEqualTo(cctvWarning);
        assertThat(atStartUp.moveToNewest(InvestigationProcess.KEY, OLDEST_DRIVABLE)).isZero();

        // the Headteacher approves: the suspension workflow starts
        complete(task(InvestigationProcess.TASK_HEAD_APPROVAL, atApproval), withVariables(InvestigationProcess.HEAD_APPROVED, true));
        assertThat(atApproval).hasPassed("Task_StartSuspension");
        assertThat(startSuspension.calls()).isEqualTo(1);

        // a suspension proposed after the move: the SENCO is consulted about the pupil with SEN first
        suspensionProposed(atOutcome);
        assertThat(atOutcome).isWaitingAt(InvestigationProcess.TASK_CONSULT_SENCO);

        // the checklist goes on where it was
        assertThat(inChecklist).isWaitingAt(InvestigationProcess.TASK_STAFF_STATEMENTS, InvestigationProcess.TASK_CCTV,
                InvestigationProcess.TASK_LSC);
    }
}
