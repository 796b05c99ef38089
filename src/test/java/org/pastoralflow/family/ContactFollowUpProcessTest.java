package org.pastoralflow.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

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

/** contact-follow-up.bpmn: the follow-up is the logger's own task, due on the date they chose, and ends when they record it. */
@Deployment(resources = "processes/contact-follow-up.bpmn")
class ContactFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("family"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final ZoneId LONDON = ProcessTestEngine.LONDON;

    @BeforeEach
    void clock() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 12, 1, 11, 0).atZone(LONDON).toInstant()));
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theFollowUpIsTheLoggersTaskDueOnTheirDateAndEndsWhenDone() {
        Date due = Date.from(LocalDateTime.of(2026, 12, 4, 17, 0).atZone(LONDON).toInstant());
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(ContactFollowUpProcess.KEY, "CH26-00001", withVariables(
                ContactFollowUpProcess.CONTACT_LOG_ID, 1L, ContactFollowUpProcess.STUDENT_ID, 2L,
                ContactFollowUpProcess.REFERENCE, "CH26-00001", ContactFollowUpProcess.LOGGED_BY, "pso",
                ContactFollowUpProcess.DUE, due));
        assertThat(pi).isWaitingAt(ContactFollowUpProcess.TASK);
        Task followUp = task(pi);
        assertThat(followUp).isAssignedTo("pso").hasFormKey("app:" + ContactFollowUpProcess.FORM);
        assertThat(followUp.getDueDate()).isEqualTo(due);
        // nobody else is offered it: it is not a group's task
        assertThat(taskService().createTaskQuery().taskCandidateGroup("pso").count()).isZero();
        assertThat(taskService().createTaskQuery().taskAssignee("hoy").count()).isZero();
        complete(followUp);
        assertThat(pi).hasPassed("End_FollowedUp").isEnded();
    }
}
