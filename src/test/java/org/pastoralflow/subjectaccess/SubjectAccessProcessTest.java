package org.pastoralflow.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.DayOfWeek;
import java.time.LocalDate;
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
 * Every path of subject-access.bpmn by the engine clock: answered in time; the DSLs warned at day 20
 * and the Headteacher at day 25; an extension before the warning, after it and after the
 * escalation, each starting the watch again on the new deadline.
 */
@Deployment(resources = "processes/subject-access.bpmn")
class SubjectAccessProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("subjectaccess"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /**
     * A request arrives on Monday 19 October 2026, the week before half-term. The month ends on
     * Thursday 19 November; day 20 is Sunday 8 November and day 25 Friday 13 November: calendar
     * days, through the half-term week, not school days.
     */
    static final LocalDate RECEIVED = LocalDate.of(2026, 10, 19);
    static final ResponseDeadline ONE_MONTH = new ResponseDeadline(RECEIVED, 1);
    static final ResponseDeadline EXTENDED = new ResponseDeadline(RECEIVED, ResponseDeadline.EXTENDED_MONTHS);

    RecordingDelegate warn = new RecordingDelegate();
    RecordingDelegate escalate = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(RECEIVED.atTime(11, 30)));
        Mocks.register("warnSubjectAccessDeadline", warn);
        Mocks.register("escalateSubjectAccessDeadline", escalate);
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

    ProcessInstance logged() {
        Map<String, Object> vars = new HashMap<>(SubjectAccessService.timing(ONE_MONTH, ProcessTestEngine.LONDON));
        vars.put(SubjectAccessProcess.REQUEST_ID, 7L);
        vars.put(SubjectAccessProcess.STUDENT_ID, 50L);
        vars.put(SubjectAccessProcess.REFERENCE, "S26-00007");
        return runtimeService().startProcessInstanceByKey(SubjectAccessProcess.KEY, "S26-00007", vars);
    }

    /** Fires the watch's timer when it is due by the engine clock, and not a minute before. */
    static void fire(ProcessInstance pi, String timer, Date due) {
        Job j = managementService().createJobQuery().processInstanceId(pi.getId()).activityId(timer).singleResult();
        assertThat(j.getDuedate()).isEqualTo(due);
        ClockUtil.setCurrentTime(new Date(due.getTime() - 60_000));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
        managementService().executeJob(j.getId());
    }

    static void extend(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(SubjectAccessProcess.EXTENDED_MESSAGE).processInstanceId(pi.getId())
                .setVariables(SubjectAccessService.timing(EXTENDED, ProcessTestEngine.LONDON)).correlate();
    }

    static void answer(ProcessInstance pi) {
        complete(task(SubjectAccessProcess.TASK_REVIEW, pi));
        complete(task(SubjectAccessProcess.TASK_PRODUCE, pi));
        complete(task(SubjectAccessProcess.TASK_SEND, pi));
    }

    @Test
    void theDeadlineIsOneCalendarMonthWithWarningsAtDays20And25() {
        assertThat(ONE_MONTH.due()).isEqualTo(LocalDate.of(2026, 11, 19));
        assertThat(ONE_MONTH.warnOn()).isEqualTo(LocalDate.of(2026, 11, 8)).matches(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(ONE_MONTH.escalateOn()).isEqualTo(LocalDate.of(2026, 11, 13));
        // ICO: no corresponding date in the next month gives its last day
        assertThat(new ResponseDeadline(LocalDate.of(2027, 1, 31), 1).due()).isEqualTo(LocalDate.of(2027, 2, 28));
        // extended: two further months, warned 20 and 25 days into the last one
        assertThat(EXTENDED.due()).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(EXTENDED.warnOn()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(EXTENDED.escalateOn()).isEqualTo(LocalDate.of(2027, 1, 13));
    }

    @Test
    void theDslsReviewProduceAndSendBeforeAnyWarning() {
        ProcessInstance pi = logged();
        Date deadline = at(ONE_MONTH.due().atTime(23, 59));
        assertThat(task(SubjectAccessProcess.TASK_REVIEW, pi)).hasCandidateGroup("dsl").hasFormKey("app:subject-access/review")
                .hasDueDate(deadline);
        assertThat(pi).isWaitingAt(SubjectAccessProcess.TASK_REVIEW, "Gateway_BeforeWarning");
        complete(task(SubjectAccessProcess.TASK_REVIEW, pi));
        assertThat(task(SubjectAccessProcess.TASK_PRODUCE, pi)).hasCandidateGroup("dsl").hasFormKey("app:subject-access/produce")
                .hasDueDate(deadline);
        complete(task(SubjectAccessProcess.TASK_PRODUCE, pi));
        assertThat(task(SubjectAccessProcess.TASK_SEND, pi)).hasCandidateGroup("dsl").hasFormKey("app:subject-access/send")
                .hasDueDate(deadline);
        complete(task(SubjectAccessProcess.TASK_SEND, pi));
        assertThat(pi).isEnded().hasPassed("End_Answered").hasNotPassed("Task_WarnDsl", "Task_EscalateHead");
        // the answer ends the watch: no timer is left to e-mail anyone
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(warn.calls() + escalate.calls()).isZero();
    }

    @Test
    void theDslsAreWarnedAtDay20AndTheHeadteacherAtDay25() {
        ProcessInstance pi = logged();
        fire(pi, "Timer_Warn", at(ONE_MONTH.warnOn().atTime(7, 0)));
        assertThat(warn.calls()).isEqualTo(1);
        assertThat(escalate.calls()).isZero();
        assertThat(pi).isWaitingAt(SubjectAccessProcess.TASK_REVIEW, "Gateway_BeforeEscalation");
        fire(pi, "Timer_Escalate", at(ONE_MONTH.escalateOn().atTime(7, 0)));
        assertThat(escalate.calls()).isEqualTo(1);
        assertThat(warn.calls()).isEqualTo(1);
        // the work stays with the DSLs; the watch waits only for an extension now
        assertThat(pi).isWaitingAt(SubjectAccessProcess.TASK_REVIEW, "Event_ExtendedAfterEscalation");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        answer(pi);
        assertThat(pi).isEnded().hasPassed("Task_WarnDsl", "Task_EscalateHead", "End_Answered");
    }

    @Test
    void anExtensionBeforeDay20MovesBothWarningsToTheLastMonth() {
        ProcessInstance pi = logged();
        complete(task(SubjectAccessProcess.TASK_REVIEW, pi));
        extend(pi);
        assertThat(pi).hasPassed("Event_ExtendedBeforeWarning").isWaitingAt(SubjectAccessProcess.TASK_PRODUCE, "Gateway_BeforeWarning");
        // nothing fires on the old day 20
        ClockUtil.setCurrentTime(at(ONE_MONTH.warnOn().atTime(7, 1)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        fire(pi, "Timer_Warn", at(EXTENDED.warnOn().atTime(7, 0)));
        fire(pi, "Timer_Escalate", at(EXTENDED.escalateOn().atTime(7, 0)));
        assertThat(warn.calls()).isEqualTo(1);
        assertThat(escalate.calls()).isEqualTo(1);
        complete(task(SubjectAccessProcess.TASK_PRODUCE, pi));
        complete(task(SubjectAccessProcess.TASK_SEND, pi));
        assertThat(pi).isEnded();
    }

    @Test
    void anExtensionAfterTheWarningStartsTheWatchAgain() {
        ProcessInstance pi = logged();
        fire(pi, "Timer_Warn", at(ONE_MONTH.warnOn().atTime(7, 0)));
        extend(pi);
        assertThat(pi).hasPassed("Event_ExtendedAfterWarning").isWaitingAt(SubjectAccessProcess.TASK_REVIEW, "Gateway_BeforeWarning");
        // the old day 25 passes without the Headteacher
        ClockUtil.setCurrentTime(at(ONE_MONTH.escalateOn().atTime(7, 1)));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).executable().count()).isZero();
        fire(pi, "Timer_Warn", at(EXTENDED.warnOn().atTime(7, 0)));
        assertThat(warn.calls()).isEqualTo(2);
        assertThat(escalate.calls()).isZero();
        answer(pi);
        assertThat(pi).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void anExtensionAfterTheEscalationWatchesTheNewDeadline() {
        ProcessInstance pi = logged();
        fire(pi, "Timer_Warn", at(ONE_MONTH.warnOn().atTime(7, 0)));
        fire(pi, "Timer_Escalate", at(ONE_MONTH.escalateOn().atTime(7, 0)));
        extend(pi);
        assertThat(pi).hasPassed("Event_ExtendedAfterEscalation").isWaitingAt(SubjectAccessProcess.TASK_REVIEW, "Gateway_BeforeWarning");
        Job next = managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_Warn").singleResult();
        assertThat(next.getDuedate()).isEqualTo(at(EXTENDED.warnOn().atTime(7, 0)));
        answer(pi);
        assertThat(pi).isEnded();
        assertThat(warn.calls()).isEqualTo(1);
        assertThat(escalate.calls()).isEqualTo(1);
    }
}
