package org.pastoralflow.oncall;

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

/** Both paths of oncall.bpmn: answered, and unclaimed for 5 minutes. */
@Deployment(resources = "processes/oncall.bpmn")
class OncallProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("oncall"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final Date TEN_PAST_ELEVEN = Date.from(LocalDateTime.of(2026, 11, 23, 11, 10).atZone(ProcessTestEngine.LONDON).toInstant());

    /** The duty rota as the model sees it. */
    public static class Duty {
        public List<String> onDutyNow() {
            return List.of("pso", "dsl2");
        }

        public String escalateAfter() {
            return "PT5M";
        }
    }

    RecordingDelegate escalate = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(TEN_PAST_ELEVEN);
        Mocks.register("oncallDuty", new Duty());
        Mocks.register("escalateOncall", escalate);
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance call() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(OncallProcess.KEY, "C26-00001",
                Map.of(OncallProcess.CALL_ID, 1L, OncallProcess.REFERENCE, "C26-00001"));
        assertThat(pi).isStarted();
        return pi;
    }

    @Test
    void theCallGoesAtOnceToThePsosOnDutyAndEndsWhenTheOutcomeIsLogged() {
        ProcessInstance pi = call();
        assertThat(pi).isWaitingAt("Task_Respond");
        assertThat(task()).hasCandidateUser("pso").hasCandidateUser("dsl2");
        assertThat(task().getPriority()).isEqualTo(100);
        complete(task());
        assertThat(pi).isEnded().hasPassed("End_Responded").hasNotPassed("Task_EscalateToSlt");
    }

    @Test
    void anUnclaimedCallEscalatesToSltAfterFiveMinutesAndStaysOpen() {
        ProcessInstance pi = call();
        Job timer = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_Unclaimed").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(new Date(TEN_PAST_ELEVEN.getTime() + 5 * 60_000));
        managementService().executeJob(timer.getId());
        assertThat(escalate.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_Escalated").isWaitingAt("Task_Respond");
    }
}
