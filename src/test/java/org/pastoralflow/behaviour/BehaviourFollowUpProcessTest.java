package org.pastoralflow.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
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

/** Every path of behaviour-follow-up.bpmn: the decision task for the table's group, due in school days, then each decision. */
@Deployment(resources = "processes/behaviour-follow-up.bpmn")
class BehaviourFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("behaviour"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final ZoneId LONDON = ProcessTestEngine.LONDON;

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        // Friday 4 December 2026, 15:30: the week's fifth point logged in the last lesson
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 12, 4, 15, 30).atZone(LONDON).toInstant()));
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance crossed(String group) {
        return runtimeService().startProcessInstanceByKey(BehaviourProcess.KEY, "B26-00001", withVariables(
                BehaviourProcess.FOLLOW_UP_ID, 1L, BehaviourProcess.STUDENT_ID, 2L, BehaviourProcess.REFERENCE, "B26-00001",
                BehaviourProcess.FOLLOW_UP_GROUP, group));
    }

    static LocalDate day(Date d) {
        return d.toInstant().atZone(LONDON).toLocalDate();
    }

    @Test
    void theHeadOfYearDecidesWithinThreeSchoolDaysAndPutsTheStudentOnReport() {
        ProcessInstance pi = crossed("hoy");
        assertThat(pi).isWaitingAt("Task_DecideFollowUp");
        Task decide = task(pi);
        assertThat(decide).hasCandidateGroup("hoy").hasFormKey("app:behaviour/decide");
        // Friday + 3 school days = Wednesday
        assertThat(day(decide.getDueDate())).isEqualTo(LocalDate.of(2026, 12, 9));
        complete(decide, withVariables(BehaviourProcess.DECISION, BehaviourProcess.ON_REPORT));
        assertThat(pi).hasPassed("End_OnReport").isEnded();
    }

    @Test
    void theDecisionTablesGroupGetsTheTask() {
        ProcessInstance pi = crossed("pastoral-lead");
        assertThat(task(pi)).hasCandidateGroup("pastoral-lead");
        assertThat(engine.getProcessEngine().getTaskService().createTaskQuery().taskCandidateGroup("hoy").count()).isZero();
    }

    @Test
    void aPsoCheckInIsAPsoTaskDueInFiveSchoolDays() {
        ProcessInstance pi = crossed("hoy");
        complete(task(pi), withVariables(BehaviourProcess.DECISION, BehaviourProcess.PSO_CHECK_IN));
        assertThat(pi).isWaitingAt("Task_PsoCheckIn");
        Task checkIn = task(pi);
        assertThat(checkIn).hasCandidateGroup("pso").hasFormKey("app:behaviour/check-in");
        assertThat(day(checkIn.getDueDate())).isEqualTo(LocalDate.of(2026, 12, 11));
        complete(checkIn);
        assertThat(pi).hasPassed("Task_PsoCheckIn", "End_CheckedIn").isEnded();
    }

    @Test
    void nothingFurtherEndsIt() {
        ProcessInstance pi = crossed("hoy");
        complete(task(pi), withVariables(BehaviourProcess.DECISION, BehaviourProcess.NOTHING));
        assertThat(pi).hasPassed("End_NothingFurther").hasNotPassed("Task_PsoCheckIn").isEnded();
    }

    @Test
    void theProcessHoldsIdsAndCodesOnly() {
        ProcessInstance pi = crossed("hoy");
        Map<String, Object> vars = runtimeService().getVariables(pi.getId());
        assertThat(vars).containsOnlyKeys(BehaviourProcess.FOLLOW_UP_ID, BehaviourProcess.STUDENT_ID, BehaviourProcess.REFERENCE,
                BehaviourProcess.FOLLOW_UP_GROUP);
        complete(task(pi), withVariables(BehaviourProcess.DECISION, BehaviourProcess.NOTHING));
    }
}
