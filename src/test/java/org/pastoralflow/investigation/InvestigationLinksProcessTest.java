package org.pastoralflow.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.mediation.MediationProcess;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.support.EngineFacts;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;
import org.pastoralflow.workflow.Processes;

/**
 * The investigation's links to the other workflows, on one engine with all three models: a
 * safeguarding incident starts referrals that the routing table sends to the DSL review, support
 * for the target starts referrals that go to PSO triage, and mediation starts the mediation
 * workflow. The delegates here start the linked process the way the services do, with the
 * incident's reference kept on it; the real services are tested in InvestigationIntegrationTest.
 * (Coverage of the investigation model is asserted in InvestigationProcessTest.)
 */
@Deployment(resources = {"processes/investigation.bpmn", "processes/referral.bpmn", "processes/referral-routing.dmn",
        "processes/mediation.bpmn"})
class InvestigationLinksProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("investigationlinks")).build();

    static final List<Long> STUDENTS = List.of(31L, 32L);

    public static class Parties {
        public List<Long> studentsOf(Long id) {
            return STUDENTS;
        }
    }

    /** Starts a referral for each student of the incident, as ReferralService.raiseFrom does: the category for the routing table only. */
    static class StartsReferrals implements JavaDelegate {
        final String category;

        StartsReferrals(String category) {
            this.category = category;
        }

        @Override
        public void execute(DelegateExecution execution) {
            for (Long student : STUDENTS) {
                String reference = "R26-" + category.substring(0, 3) + student;
                Map<String, Object> vars = new HashMap<>();
                vars.put(ReferralProcess.REFERRAL_ID, student);
                vars.put(ReferralProcess.STUDENT_ID, student);
                vars.put(ReferralProcess.REFERENCE, reference);
                vars.put(ReferralProcess.IMMEDIATE_RISK, false);
                vars.put("raisedFrom", execution.getBusinessKey());
                new Processes(execution.getProcessEngineServices().getRuntimeService())
                        .start(ReferralProcess.KEY, reference, vars, Map.of(ReferralProcess.CATEGORY, category));
            }
        }
    }

    static class StartsMediation implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(MediationProcess.KEY, "M26-00001",
                    Map.of(MediationProcess.MEDIATION_ID, 1L, MediationProcess.REFERENCE, "M26-00001",
                            MediationProcess.CONSENT_REFUSED, false, "raisedFrom", execution.getBusinessKey()));
        }
    }

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 11, 23, 12, 0).atZone(ProcessTestEngine.LONDON).toInstant()));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("investigationParties", new Parties());
        Mocks.register("mediationParties", new Parties());
        Mocks.register("addIncidentToCaseFiles", new RecordingDelegate());
        Mocks.register("referIncidentToDsl", new StartsReferrals("safeguarding"));
        Mocks.register("referTargetForSupport", new StartsReferrals("welfare"));
        Mocks.register("startMediationFromIncident", new StartsMediation());
        Mocks.register("warnCctvExpiry", new RecordingDelegate());
        Mocks.register("closeInvestigation", new RecordingDelegate());
        Mocks.register("recordConcern", new RecordingDelegate());
        Mocks.register("alertDsl", new RecordingDelegate());
    }

    @AfterEach
    void reset() {
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), List.of(ReferralProcess.CATEGORY, "safeguarding"));
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance log(boolean referToDsl) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(InvestigationProcess.INCIDENT_ID, 9L);
        vars.put(InvestigationProcess.REFERENCE, "I26-00009");
        vars.put(InvestigationProcess.FORCE_USED, false);
        vars.put(InvestigationProcess.REFER_TO_DSL, referToDsl);
        vars.put(InvestigationProcess.ASSIGN_GROUPS, referToDsl ? InvestigationProcess.ASSIGN_DSL : InvestigationProcess.ASSIGN_PASTORAL);
        vars.put(InvestigationProcess.CCTV_WARN_AT, new Date(ClockUtil.getCurrentTime().getTime() + 20L * 86_400_000));
        return runtimeService().startProcessInstanceByKey(InvestigationProcess.KEY, "I26-00009", vars);
    }

    List<ProcessInstance> referrals() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(ReferralProcess.KEY).list();
    }

    @Test
    void aSafeguardingIncidentPutsAReferralForEachStudentInTheDslReviewPointingBackAtTheIncident() {
        ProcessInstance incident = log(true);
        List<ProcessInstance> referrals = referrals();
        assertThat(referrals).hasSize(2);
        for (ProcessInstance r : referrals) {
            assertThat(r).isWaitingAt(ReferralProcess.TASK_DSL_REVIEW).variables().containsEntry("raisedFrom", "I26-00009")
                    .containsEntry(ReferralProcess.ROUTE, "dsl");
            assertThat(task(ReferralProcess.TASK_DSL_REVIEW, r)).hasCandidateGroup("dsl");
        }
        // the investigation goes on beside the referrals
        assertThat(incident).isWaitingAt(InvestigationProcess.TASK_ASSIGN);
    }

    @Test
    void supportForTheTargetGoesToPsoTriageAndMediationStartsTheMediationWorkflow() {
        ProcessInstance incident = log(false);
        assertThat(referrals()).isEmpty();
        complete(task(InvestigationProcess.TASK_ASSIGN, incident), withVariables(InvestigationProcess.INVESTIGATOR, "hoy"));
        taskQuery().processInstanceId(incident.getId()).list().forEach(BpmnAwareTests::complete);
        complete(task(InvestigationProcess.TASK_OUTCOME, incident), withVariables(InvestigationProcess.NEEDS_HEAD_APPROVAL, false,
                InvestigationProcess.OFFER_MEDIATION, true, InvestigationProcess.SUPPORT_TARGET, true));

        assertThat(referrals()).hasSize(2).allSatisfy(r -> assertThat(r).isWaitingAt(ReferralProcess.TASK_PSO_TRIAGE)
                .variables().containsEntry("raisedFrom", "I26-00009"));
        ProcessInstance mediation = runtimeService().createProcessInstanceQuery().processDefinitionKey(MediationProcess.KEY).singleResult();
        assertThat(mediation).isWaitingAt(MediationProcess.TASK_SUITABILITY).variables().containsEntry("raisedFrom", "I26-00009");
        assertThat(incident).isWaitingAt(InvestigationProcess.TASK_PARENTS);
    }
}
