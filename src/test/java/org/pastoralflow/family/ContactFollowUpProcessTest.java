package org.pastoralflow.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
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

    final java.util.List<String> calls = new java.util.ArrayList<>();

    @BeforeEach
    void clock() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("contactFollowUpReminder", (org.camunda.bpm.engine.delegate.JavaDelegate) e ->
                calls.add("remind " + e.getVariable(ContactFollowUpProcess.CONTACT_LOG_ID)));
        Mocks.register("contactFollowUpLate", (org.camunda.bpm.engine.delegate.JavaDelegate) e ->
                calls.add("lead's list " + e.getVariable(ContactFollowUpProcess.CONTACT_LOG_ID)));
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

    static Date at(LocalDateTime t) {
        return Date.from(t.atZone(LONDON).toInstant());
    }

    /** The PSO's follow-up of contact n, due Friday 4 December 2026 at 17:00. */
    static ProcessInstance dueFriday(long n) {
        String reference = "CH26-0000" + n;
        return runtimeService().startProcessInstanceByKey(ContactFollowUpProcess.KEY, reference, withVariables(
                ContactFollowUpProcess.CONTACT_LOG_ID, n, ContactFollowUpProcess.STUDENT_ID, 2L,
                ContactFollowUpProcess.REFERENCE, reference, ContactFollowUpProcess.LOGGED_BY, "pso",
                ContactFollowUpProcess.DUE, at(LocalDateTime.of(2026, 12, 4, 17, 0))));
    }

    static org.camunda.bpm.engine.runtime.Job timer(ProcessInstance pi, String activity) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    @Test
    void anOverdueFollowUpRemindsTheWriterOnceThenGoesOnThePastoralLeadsListAndStaysTheirs() {
        // due Friday 4 December 2026 at 17:00: reminded Monday 7th (a school day later), on the list Thursday 10th (four)
        ProcessInstance pi = dueFriday(2L);
        assertThat(timer(pi, "Timer_FollowUpOverdue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 7, 17, 0)));
        assertThat(timer(pi, "Timer_FollowUpLate").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 10, 17, 0)));

        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 12, 7, 17, 1)));
        managementService().executeJob(timer(pi, "Timer_FollowUpOverdue").getId());
        assertThat(calls).containsExactly("remind 2");
        assertThat(pi).hasPassed("End_Reminded").isWaitingAt(ContactFollowUpProcess.TASK);

        ClockUtil.setCurrentTime(at(LocalDateTime.of(2026, 12, 10, 17, 1)));
        managementService().executeJob(timer(pi, "Timer_FollowUpLate").getId());
        assertThat(calls).containsExactly("remind 2", "lead's list 2");
        assertThat(pi).hasPassed("End_ShownToLead").isWaitingAt(ContactFollowUpProcess.TASK);
        assertThat(task(pi)).isAssignedTo("pso");

        complete(task(pi));
        assertThat(pi).hasPassed("End_FollowedUp").isEnded();
    }

    @Test
    void aFollowUpDoneInTimeLeavesNoReminderWaiting() {
        ProcessInstance pi = dueFriday(3L);
        complete(task(pi));
        assertThat(pi).isEnded().hasNotPassed("Task_RemindWriter", "Task_ShowPastoralLead");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(calls).isEmpty();
    }
}
