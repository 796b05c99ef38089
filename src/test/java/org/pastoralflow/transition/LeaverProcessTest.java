package org.pastoralflow.transition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.pastoralflow.transition.TransitionTestCalendar.at;
import static org.pastoralflow.transition.TransitionTestCalendar.endOf;

import java.time.LocalDate;
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
 * Every path of leaver.bpmn: no file to transfer, sent and received, no receiving school, both
 * escalations by the clock, and a move recorded after its deadline (overdue and escalated at once).
 * Whether there is a CP file reaches the gateway as a transient variable, and after every path the
 * engine holds none.
 */
@Deployment(resources = "processes/leaver.bpmn")
class LeaverProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("leaver"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** A Year 9 student moves school on Friday 12 March 2027; KCSIE: the file within 5 school days. */
    static final LocalDateTime RECORDED = LocalDateTime.of(2027, 3, 12, 14, 0);
    static final LocalDate TRANSFER_DUE = LocalDate.of(2027, 3, 19);

    /** "Check for a child protection file", as CheckChildProtectionFileDelegate answers: transient. */
    static class Checks implements JavaDelegate {
        boolean hasCpFile;

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(LeaverProcess.HAS_CP_FILE, Variables.booleanValue(hasCpFile, true));
        }
    }

    Checks check = new Checks();
    RecordingDelegate escalateTransfer = new RecordingDelegate();
    RecordingDelegate escalateReceipt = new RecordingDelegate();
    RecordingDelegate close = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(RECORDED));
        Mocks.register("deadlines", TransitionTestCalendar.deadlines());
        Mocks.register("checkChildProtectionFile", check);
        Mocks.register("escalateCpFileTransfer", escalateTransfer);
        Mocks.register("escalateMissingReceipt", escalateReceipt);
        Mocks.register("closeLeaver", close);
    }

    @AfterEach
    void reset() {
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), List.of(LeaverProcess.HAS_CP_FILE));
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance leaving(boolean hasCpFile) {
        return leaving(hasCpFile, TRANSFER_DUE);
    }

    ProcessInstance leaving(boolean hasCpFile, LocalDate transferDue) {
        check.hasCpFile = hasCpFile;
        return runtimeService().startProcessInstanceByKey(LeaverProcess.KEY, "L27-00001", Map.of(LeaverProcess.LEAVER_ID, 1L,
                LeaverProcess.STUDENT_ID, 50L, LeaverProcess.REFERENCE, "L27-00001", LeaverProcess.TRANSFER_DUE_AT, endOf(transferDue)));
    }

    static void fire(ProcessInstance pi, String activityId) {
        Job j = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        ClockUtil.setCurrentTime(new Date(j.getDuedate().getTime() - 60_000));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(new Date(j.getDuedate().getTime() + 60_000));
        managementService().executeJob(j.getId());
    }

    @Test
    void withoutAChildProtectionFileThereIsNothingToTransfer() {
        ProcessInstance pi = leaving(false);
        assertThat(pi).isEnded().hasPassed("Gateway_Closed").hasNotPassed(LeaverProcess.TASK_TRANSFER);
        assertThat(close.calls()).isEqualTo(1);
    }

    @Test
    void theDslSendsTheFileAndRecordsTheReceivingSchoolsConfirmation() {
        ProcessInstance pi = leaving(true);
        assertThat(task(LeaverProcess.TASK_TRANSFER, pi)).hasCandidateGroup("dsl").hasDueDate(endOf(TRANSFER_DUE));
        ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 3, 16, 10, 0)));
        complete(task(LeaverProcess.TASK_TRANSFER, pi), withVariables(LeaverProcess.CP_FILE_SENT, true));
        // confirmation expected within 5 school days of sending
        assertThat(task(LeaverProcess.TASK_RECEIPT, pi)).hasCandidateGroup("dsl").hasDueDate(at(LocalDateTime.of(2027, 3, 23, 10, 0)));
        complete(task(LeaverProcess.TASK_RECEIPT, pi));
        assertThat(pi).isEnded().hasPassed(LeaverProcess.TASK_RECEIPT, "End_Closed").hasNotPassed("Task_EscalateTransfer");
        assertThat(close.calls()).isEqualTo(1);
    }

    @Test
    void aFileNotSentByTheKcsieDeadlineIsEscalatedAndTheTaskStays() {
        ProcessInstance pi = leaving(true);
        fire(pi, "Timer_TransferOverdue");
        assertThat(escalateTransfer.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_TransferEscalated").isWaitingAt(LeaverProcess.TASK_TRANSFER);
        complete(task(LeaverProcess.TASK_TRANSFER, pi), withVariables(LeaverProcess.CP_FILE_SENT, false));
        assertThat(pi).isEnded().hasNotPassed(LeaverProcess.TASK_RECEIPT);
    }

    @Test
    void aMoveRecordedAfterItsKcsieDeadlineIsOverdueAtOnceAndEscalatedStraightAway() {
        // left on Friday 19 February 2027, recorded on 12 March: the deadline counted from the leaving date was 26 February
        LocalDate deadline = LocalDate.of(2027, 2, 26);
        ProcessInstance pi = leaving(true, deadline);
        assertThat(task(LeaverProcess.TASK_TRANSFER, pi)).hasDueDate(endOf(deadline));
        assertThat(task(LeaverProcess.TASK_TRANSFER, pi).getDueDate()).isBefore(ClockUtil.getCurrentTime());
        Job overdue = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_TransferOverdue").singleResult();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().list())
                .extracting(Job::getId).containsExactly(overdue.getId());
        managementService().executeJob(overdue.getId());
        assertThat(escalateTransfer.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_TransferEscalated").isWaitingAt(LeaverProcess.TASK_TRANSFER);
    }

    @Test
    void noConfirmationOfReceiptIsEscalatedAndStillAwaited() {
        ProcessInstance pi = leaving(true);
        complete(task(LeaverProcess.TASK_TRANSFER, pi), withVariables(LeaverProcess.CP_FILE_SENT, true));
        fire(pi, "Timer_ReceiptOverdue");
        assertThat(escalateReceipt.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_ReceiptEscalated").isWaitingAt(LeaverProcess.TASK_RECEIPT);
        complete(task(LeaverProcess.TASK_RECEIPT, pi));
        assertThat(pi).isEnded();
    }
}
