package org.pastoralflow.mediation;

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
import org.pastoralflow.support.ProcessTestEngine;

/** Every path of mediation.bpmn; the follow-up wait by the engine clock. */
@Deployment(resources = "processes/mediation.bpmn")
class MediationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("mediation"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final LocalDateTime TUESDAY_9AM = LocalDateTime.of(2026, 11, 24, 9, 0);

    public static class Parties {
        public List<Long> studentsOf(Long mediationId) {
            return List.of(21L, 22L);
        }
    }

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(TUESDAY_9AM));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("mediationParties", new Parties());
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

    static ProcessInstance request() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(MediationProcess.KEY, "M26-00003",
                Map.of(MediationProcess.MEDIATION_ID, 3L, MediationProcess.REFERENCE, "M26-00003",
                        MediationProcess.CONSENT_REFUSED, false));
        assertThat(pi).isStarted();
        return pi;
    }

    static List<Task> open(ProcessInstance pi, String key) {
        return taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
    }

    static void suitable(ProcessInstance pi, boolean suitable) {
        complete(task(MediationProcess.TASK_SUITABILITY, pi), withVariables(MediationProcess.SUITABLE, suitable));
    }

    /** Both agree, both pre-meetings, the meeting, then 10 school days later the check-ins and the review. */
    static void round(ProcessInstance pi, String decision) {
        List<Task> pre = open(pi, MediationProcess.TASK_PRE_MEETING);
        assertThat(pre).hasSize(2);
        pre.forEach(BpmnAwareTests::complete);
        complete(task(MediationProcess.TASK_MEETING, pi));
        Job wait = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_FollowUpDue").singleResult();
        ClockUtil.setCurrentTime(wait.getDuedate());
        managementService().executeJob(managementService().createJobQuery().processInstanceId(pi.getId()).executable().singleResult().getId());
        List<Task> checkIns = open(pi, MediationProcess.TASK_CHECK_IN);
        assertThat(checkIns).hasSize(2);
        checkIns.forEach(BpmnAwareTests::complete);
        complete(task(MediationProcess.TASK_REVIEW, pi), withVariables(MediationProcess.DECISION, decision));
    }

    @Test
    void notSuitableClosesIt() {
        ProcessInstance pi = request();
        assertThat(task(MediationProcess.TASK_SUITABILITY, pi)).hasCandidateGroup("pso").hasDueDate(at(TUESDAY_9AM.plusDays(3)));
        suitable(pi, false);
        assertThat(pi).isEnded().hasPassed("End_NotSuitable");
    }

    @Test
    void oneRefusalEndsTheOtherConsentTasksAndTheAlternativeSupportIsNoted() {
        ProcessInstance pi = request();
        suitable(pi, true);
        List<Task> consent = open(pi, MediationProcess.TASK_CONSENT);
        assertThat(consent).hasSize(2);
        assertThat(consent.stream().map(t -> runtimeService().getVariable(t.getExecutionId(), MediationProcess.TASK_STUDENT_ID)))
                .containsExactlyInAnyOrder(21L, 22L);
        complete(consent.get(0), withVariables(MediationProcess.CONSENT_REFUSED, true));
        assertThat(open(pi, MediationProcess.TASK_CONSENT)).isEmpty();
        assertThat(task(MediationProcess.TASK_DECLINED, pi)).hasCandidateGroup("pso");
        complete(task(MediationProcess.TASK_DECLINED, pi));
        assertThat(pi).isEnded().hasPassed("End_Declined").hasNotPassed(MediationProcess.TASK_PRE_MEETING);
    }

    @Test
    void withEveryonesConsentTheMeetingIsFollowedUpTenSchoolDaysLaterAndResolved() {
        ProcessInstance pi = request();
        suitable(pi, true);
        open(pi, MediationProcess.TASK_CONSENT).forEach(BpmnAwareTests::complete);
        open(pi, MediationProcess.TASK_PRE_MEETING).forEach(BpmnAwareTests::complete);
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 12, 8, 15, 30)));
        complete(task(MediationProcess.TASK_MEETING, pi));
        Job wait = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_FollowUpDue").singleResult();
        // 10 school days from Tue 8 Dec 2026: 8 before the Christmas holiday, then Tue 5 and Wed 6 Jan (4 Jan is INSET)
        assertThat(wait.getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 6, 15, 30)));
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 1, 6, 15, 0)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 1, 6, 15, 31)));
        managementService().executeJob(wait.getId());
        List<Task> checkIns = open(pi, MediationProcess.TASK_CHECK_IN);
        assertThat(checkIns).hasSize(2).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 1, 8, 15, 31))));
        checkIns.forEach(BpmnAwareTests::complete);
        complete(task(MediationProcess.TASK_REVIEW, pi), withVariables(MediationProcess.DECISION, "resolved"));
        assertThat(pi).isEnded().hasPassed("End_Resolved");
    }

    @Test
    void mediatedAgainThenEscalatedToTheHeadOfYear() {
        ProcessInstance pi = request();
        suitable(pi, true);
        open(pi, MediationProcess.TASK_CONSENT).forEach(BpmnAwareTests::complete);
        round(pi, "again");
        assertThat(pi).isWaitingAt(MediationProcess.TASK_PRE_MEETING);
        round(pi, "escalate");
        assertThat(task(MediationProcess.TASK_HOY_REVIEW, pi)).hasCandidateGroup("hoy");
        complete(task(MediationProcess.TASK_HOY_REVIEW, pi));
        assertThat(pi).isEnded().hasPassed("End_Escalated");
    }
}
