package org.pastoralflow.workflow.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;

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
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;

/** Both paths of table-change-approval.bpmn: a DSL approves (deployed) or refuses (the proposer told). */
@Deployment(resources = "processes/table-change-approval.bpmn")
class TableChangeApprovalProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("tablechange"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    final RecordingDelegate deploy = new RecordingDelegate();
    final RecordingDelegate tell = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("deployTableChangeDelegate", deploy);
        Mocks.register("tellTableChangeProposerDelegate", tell);
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance proposed() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(TableChangeProcess.KEY, "table-change-1",
                Map.of(TableChangeProcess.TABLE_CHANGE_ID, 1L));
        assertThat(pi).isWaitingAt(TableChangeProcess.TASK_DSL_APPROVAL);
        assertThat(task()).hasCandidateGroup("dsl").hasFormKey("app:" + TableChangeProcess.FORM_KEY);
        assertThat(task().getDueDate()).isEqualTo(ProcessTestEngine.deadlines().after(ClockUtil.getCurrentTime(),
                "workflows.table-change-approval"));
        return pi;
    }

    @Test
    void anApprovedChangeIsDeployed() {
        ProcessInstance pi = proposed();
        complete(task(), Map.of(TableChangeProcess.APPROVED, true));
        assertThat(pi).hasPassed("Task_DeployTable", "End_Deployed").hasNotPassed("Task_TellProposer").isEnded();
        assertThat(deploy.calls()).isEqualTo(1);
        assertThat(tell.calls()).isZero();
    }

    @Test
    void aRefusedChangeIsNotDeployedAndTheProposerIsTold() {
        ProcessInstance pi = proposed();
        complete(task(), Map.of(TableChangeProcess.APPROVED, false));
        assertThat(pi).hasPassed("Task_TellProposer", "End_Refused").hasNotPassed("Task_DeployTable").isEnded();
        assertThat(deploy.calls()).isZero();
        assertThat(tell.calls()).isEqualTo(1);
    }
}
