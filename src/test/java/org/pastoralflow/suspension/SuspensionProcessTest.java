package org.pastoralflow.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.LocalDateTime;
import java.util.Date;
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

/**
 * Every path of suspension.bpmn on a real engine: who is told by the term's count, the governors'
 * reinstatement deadline in school days, and the reintegration reminder by the engine clock. After
 * every path the engine holds none of the routing facts (they are transient).
 */
@Deployment(resources = "processes/suspension.bpmn")
class SuspensionProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("suspension"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Monday 23 November 2026, 14:00: the Headteacher has just approved the suspension. */
    static final LocalDateTime MONDAY = LocalDateTime.of(2026, 11, 23, 14, 0);

    /** Stands in for "Count this term's suspension days": routing codes as transient variables, as the real one. */
    static class Count implements JavaDelegate {
        boolean governors;
        boolean reinstatement;
        boolean lookedAfter;
        LocalDateTime returnAt = LocalDateTime.of(2026, 11, 26, 8, 40);
        LocalDateTime remindAt = LocalDateTime.of(2026, 11, 25, 8, 40);

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(SuspensionProcess.TELL_GOVERNORS, Variables.booleanValue(governors, true));
            execution.setVariable(SuspensionProcess.CONSIDER_REINSTATEMENT, Variables.booleanValue(reinstatement, true));
            execution.setVariable(SuspensionProcess.TELL_VIRTUAL_SCHOOL, Variables.booleanValue(lookedAfter, true));
            execution.setVariable(SuspensionProcess.RETURN_AT, at(returnAt));
            execution.setVariable(SuspensionProcess.REMIND_AT, at(remindAt));
        }
    }

    Count count = new Count();
    RecordingDelegate remind = new RecordingDelegate();
    RecordingDelegate close = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(MONDAY));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("countSuspensionDays", count);
        Mocks.register("remindReintegration", remind);
        Mocks.register("closeSuspension", close);
    }

    @AfterEach
    void reset() {
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), List.of(SuspensionProcess.TELL_GOVERNORS,
                SuspensionProcess.CONSIDER_REINSTATEMENT, SuspensionProcess.TELL_VIRTUAL_SCHOOL));
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    static Date at(LocalDateTime t) {
        return Date.from(t.atZone(ProcessTestEngine.LONDON).toInstant());
    }

    /** As Suspensions.startFromIncident starts it; the parents are sent the notice the same afternoon. */
    static ProcessInstance approvedAndNoticeSent() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SuspensionProcess.KEY, "SU26-00004",
                Map.of(SuspensionProcess.SUSPENSION_ID, 4L, SuspensionProcess.REFERENCE, "SU26-00004",
                        SuspensionProcess.CASEWORKER_GROUPS, SuspensionProcess.CASEWORKERS,
                        SuspensionProcess.LEADER_GROUPS, SuspensionProcess.LEADERS, SuspensionProcess.HEAD_GROUPS, SuspensionProcess.HEAD));
        assertThat(task(SuspensionProcess.TASK_PARENT_NOTICE, pi)).hasCandidateGroup("pso").hasCandidateGroup("hoy")
                .hasDueDate(at(MONDAY.withHour(23).withMinute(59)));
        assertThat(task(SuspensionProcess.TASK_PARENT_NOTICE, pi).getPriority()).isEqualTo(80);
        ClockUtil.setCurrentTime(at(MONDAY.withHour(15)));
        complete(task(SuspensionProcess.TASK_PARENT_NOTICE, pi));
        return pi;
    }

    static Job reminder(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ReturnTomorrow").singleResult();
    }

    @Test
    void aShortSuspensionTellsTheLocalAuthorityAndEndsWithTheReintegrationMeetingAfterAReminder() {
        ProcessInstance pi = approvedAndNoticeSent();
        assertThat(pi).hasPassed("Task_CountTermDays").hasNotPassed(SuspensionProcess.TASK_GOVERNORS,
                SuspensionProcess.TASK_REINSTATEMENT, SuspensionProcess.TASK_VIRTUAL_SCHOOL);
        assertThat(pi).isWaitingAt(SuspensionProcess.TASK_LOCAL_AUTHORITY, SuspensionProcess.TASK_REINTEGRATION);
        assertThat(task(SuspensionProcess.TASK_LOCAL_AUTHORITY, pi)).hasCandidateGroup("slt").hasCandidateGroup("pastoral-lead")
                .hasDueDate(at(MONDAY.plusDays(1).withHour(15)));
        assertThat(task(SuspensionProcess.TASK_REINTEGRATION, pi)).hasCandidateGroup("pso").hasCandidateGroup("hoy")
                .hasDueDate(at(count.returnAt));
        complete(task(SuspensionProcess.TASK_LOCAL_AUTHORITY, pi));

        Job timer = reminder(pi);
        assertThat(timer.getDuedate()).isEqualTo(at(count.remindAt));
        ClockUtil.setCurrentTime(at(count.remindAt.minusMinutes(1)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(at(count.remindAt.plusMinutes(1)));
        managementService().executeJob(timer.getId());
        assertThat(remind.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_Reminded").isWaitingAt(SuspensionProcess.TASK_REINTEGRATION);
        assertThat(close.calls()).isZero();

        complete(task(SuspensionProcess.TASK_REINTEGRATION, pi));
        assertThat(close.calls()).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("Gateway_GovernorsDone", "Gateway_ReinstatementDone", "Gateway_VirtualSchoolDone",
                "End_SuspensionClosed");
    }

    @Test
    void theReintegrationMeetingHeldBeforeTheReturnCancelsTheReminder() {
        ProcessInstance pi = approvedAndNoticeSent();
        complete(task(SuspensionProcess.TASK_REINTEGRATION, pi));
        assertThat(reminder(pi)).isNull();
        assertThat(remind.calls()).isZero();
        assertThat(pi).isWaitingAt(SuspensionProcess.TASK_LOCAL_AUTHORITY).isNotEnded();
        complete(task(SuspensionProcess.TASK_LOCAL_AUTHORITY, pi));
        assertThat(pi).isEnded().hasNotPassed("Task_RemindReintegration");
    }

    @Test
    void pastFiveDaysInTheTermTheGoverningBoardIsToldAsWellAsTheLocalAuthority() {
        count.governors = true;
        ProcessInstance pi = approvedAndNoticeSent();
        assertThat(pi).isWaitingAt(SuspensionProcess.TASK_LOCAL_AUTHORITY, SuspensionProcess.TASK_GOVERNORS,
                SuspensionProcess.TASK_REINTEGRATION);
        assertThat(task(SuspensionProcess.TASK_GOVERNORS, pi)).hasCandidateGroup("slt").hasDueDate(at(MONDAY.plusDays(1).withHour(15)));
        assertThat(pi).hasNotPassed(SuspensionProcess.TASK_REINSTATEMENT);
        complete(task(SuspensionProcess.TASK_LOCAL_AUTHORITY, pi));
        complete(task(SuspensionProcess.TASK_REINTEGRATION, pi));
        assertThat(pi).isWaitingAt(SuspensionProcess.TASK_GOVERNORS);
        complete(task(SuspensionProcess.TASK_GOVERNORS, pi));
        assertThat(pi).isEnded().hasPassed(SuspensionProcess.TASK_GOVERNORS, "End_SuspensionClosed");
    }

    @Test
    void pastFifteenDaysTheGovernorsMustConsiderReinstatementWithinFifteenSchoolDaysOfTheNotice() {
        count.governors = true;
        count.reinstatement = true;
        ProcessInstance pi = approvedAndNoticeSent();
        // 15 school days from Mon 23 Nov 2026, 15:00: the 14 December
        assertThat(task(SuspensionProcess.TASK_REINSTATEMENT, pi)).hasCandidateGroup("slt")
                .hasDueDate(at(LocalDateTime.of(2026, 12, 14, 15, 0)));
        complete(task(SuspensionProcess.TASK_LOCAL_AUTHORITY, pi));
        complete(task(SuspensionProcess.TASK_GOVERNORS, pi));
        complete(task(SuspensionProcess.TASK_REINTEGRATION, pi));
        assertThat(pi).isWaitingAt(SuspensionProcess.TASK_REINSTATEMENT).isNotEnded();
        complete(task(SuspensionProcess.TASK_REINSTATEMENT, pi));
        assertThat(pi).isEnded().hasPassed(SuspensionProcess.TASK_REINSTATEMENT);
    }

    @Test
    void aSuspensionAfterASafeguardingIncidentIsWorkedByTheDslGroupAlone() {
        count.governors = true;
        count.reinstatement = true;
        count.lookedAfter = true;
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SuspensionProcess.KEY, "SU26-00005",
                Map.of(SuspensionProcess.SUSPENSION_ID, 5L, SuspensionProcess.REFERENCE, "SU26-00005",
                        SuspensionProcess.CASEWORKER_GROUPS, SuspensionProcess.DSL, SuspensionProcess.LEADER_GROUPS, SuspensionProcess.DSL,
                        SuspensionProcess.HEAD_GROUPS, SuspensionProcess.DSL));
        complete(task(SuspensionProcess.TASK_PARENT_NOTICE, pi));
        List<org.camunda.bpm.engine.task.Task> all = engine.getProcessEngine().getTaskService().createTaskQuery()
                .processInstanceId(pi.getId()).list();
        assertThat(all).hasSize(5);
        for (org.camunda.bpm.engine.task.Task t : all) {
            assertThat(engine.getProcessEngine().getTaskService().getIdentityLinksForTask(t.getId()))
                    .extracting(l -> l.getGroupId()).containsExactly("dsl");
        }
    }

    @Test
    void aLookedAfterPupilsVirtualSchoolHeadIsTold() {
        count.lookedAfter = true;
        ProcessInstance pi = approvedAndNoticeSent();
        assertThat(task(SuspensionProcess.TASK_VIRTUAL_SCHOOL, pi)).hasCandidateGroup("pastoral-lead")
                .hasDueDate(at(MONDAY.plusDays(1).withHour(15)));
        assertThat(pi).hasNotPassed(SuspensionProcess.TASK_GOVERNORS, SuspensionProcess.TASK_REINSTATEMENT);
        complete(task(SuspensionProcess.TASK_LOCAL_AUTHORITY, pi));
        complete(task(SuspensionProcess.TASK_REINTEGRATION, pi));
        assertThat(pi).isWaitingAt(SuspensionProcess.TASK_VIRTUAL_SCHOOL);
        complete(task(SuspensionProcess.TASK_VIRTUAL_SCHOOL, pi));
        assertThat(pi).isEnded().hasPassed(SuspensionProcess.TASK_VIRTUAL_SCHOOL, "End_SuspensionClosed");
    }
}
