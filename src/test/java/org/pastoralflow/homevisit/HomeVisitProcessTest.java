package org.pastoralflow.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
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

/**
 * Every path of home-visit.bpmn by the engine's clock: checked in on time; late (alerted once, then
 * back); very late (alerted, then again, still waiting for the check-in). The timers come from the
 * real {@link HomeVisitTimes} with the default settings.
 */
@Deployment(resources = "processes/home-visit.bpmn")
class HomeVisitProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("homevisit"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final Date HALF_PAST_ONE = Date.from(LocalDateTime.of(2026, 11, 23, 13, 30).atZone(ProcessTestEngine.LONDON).toInstant());
    static final Date BACK_AT_THREE = Date.from(LocalDateTime.of(2026, 11, 23, 15, 0).atZone(ProcessTestEngine.LONDON).toInstant());

    RecordingDelegate alert = new RecordingDelegate();
    RecordingDelegate alertAgain = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(HALF_PAST_ONE);
        Mocks.register("homeVisitTimes", new HomeVisitTimes(new HomeVisitSettings(null, null, null)));
        Mocks.register("homeVisitAlert", alert);
        Mocks.register("homeVisitAlertAgain", alertAgain);
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance plan() {
        Map<String, Object> vars = new HashMap<>();
        vars.put(HomeVisitProcess.VISIT_ID, 7L);
        vars.put(HomeVisitProcess.REFERENCE, "HV26-00007");
        vars.put(HomeVisitProcess.EXPECTED_BACK, BACK_AT_THREE);
        vars.put(HomeVisitProcess.VISITOR, "pso");
        vars.put(HomeVisitProcess.SECOND_VISITOR, "hoy");
        vars.put(HomeVisitProcess.CHECK_IN_GROUP, "pastoral-lead");
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(HomeVisitProcess.KEY, "HV26-00007", vars);
        assertThat(pi).isStarted().isWaitingAt(HomeVisitProcess.TASK_CHECK_IN);
        return pi;
    }

    Job timer(ProcessInstance pi, String id) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(id).singleResult();
    }

    static Date after(Date at, Duration d) {
        return new Date(at.getTime() + d.toMillis());
    }

    @Test
    void theVisitorChecksInOnTimeAndNobodyIsAlerted() {
        ProcessInstance pi = plan();
        assertThat(task()).isAssignedTo("pso");
        // Camunda BPM Assert's candidate checks want an unassigned task: read the links themselves
        assertThat(taskService().getIdentityLinksForTask(task().getId()))
                .anySatisfy(l -> assertThat(l.getUserId()).isEqualTo("hoy"))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("pastoral-lead"));
        assertThat(task().getDueDate()).isEqualTo(BACK_AT_THREE);
        assertThat(timer(pi, "Timer_GraceOver").getDuedate()).isEqualTo(after(BACK_AT_THREE, Duration.ofMinutes(30)));
        assertThat(timer(pi, "Timer_StillOverdue").getDuedate()).isEqualTo(after(BACK_AT_THREE, Duration.ofMinutes(60)));
        ClockUtil.setCurrentTime(after(BACK_AT_THREE, Duration.ofMinutes(-5)));
        complete(task());
        assertThat(pi).isEnded().hasPassed("End_Back").hasNotPassed("Task_AlertOverdue", "Task_AlertAgain");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(alert.calls()).isZero();
    }

    @Test
    void lateTheOnCallPersonIsAlertedOnceAndTheCheckInStandsTheSecondAlertDown() {
        ProcessInstance pi = plan();
        ClockUtil.setCurrentTime(after(BACK_AT_THREE, Duration.ofMinutes(31)));
        managementService().executeJob(timer(pi, "Timer_GraceOver").getId());
        assertThat(alert.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_Alerted").isWaitingAt(HomeVisitProcess.TASK_CHECK_IN);
        assertThat(timer(pi, "Timer_StillOverdue")).isNotNull();

        complete(task());
        assertThat(pi).isEnded().hasPassed("End_Back").hasNotPassed("Task_AlertAgain");
        assertThat(alertAgain.calls()).isZero();
    }

    @Test
    void veryLateTheyAreAlertedAgainAndTheCheckInStillWaits() {
        ProcessInstance pi = plan();
        ClockUtil.setCurrentTime(after(BACK_AT_THREE, Duration.ofMinutes(31)));
        managementService().executeJob(timer(pi, "Timer_GraceOver").getId());
        ClockUtil.setCurrentTime(after(BACK_AT_THREE, Duration.ofMinutes(61)));
        managementService().executeJob(timer(pi, "Timer_StillOverdue").getId());
        assertThat(alert.calls()).isEqualTo(1);
        assertThat(alertAgain.calls()).isEqualTo(1);
        assertThat(pi).hasPassed("End_Alerted", "End_AlertedAgain").isWaitingAt(HomeVisitProcess.TASK_CHECK_IN);
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();

        complete(task());
        assertThat(pi).isEnded().hasPassed("End_Back");
    }
}
