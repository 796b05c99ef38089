package org.pastoralflow.agencymeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.workflow.SchoolClock;

/**
 * Every path of agency-meeting.bpmn and agency-action.bpmn by the engine clock on the demo school's
 * calendar: the reminder on each meeting's day, the loop to the next meeting, the end by decision and
 * by closing; a school action done, overdue (the keeper told, the task still open), another agency's
 * action reported done, chased to a new date, chased and done, chased and dropped. The timers are the
 * real {@link AgencyMeetingTimes}; delegates are stand-ins.
 */
@Deployment(resources = {"processes/agency-meeting.bpmn", "processes/agency-action.bpmn"})
class AgencyMeetingProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("agencymeeting"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final ZoneId LONDON = ProcessTestEngine.LONDON;
    /** Monday 30 November 2026, 9 am, a school day. */
    static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 30, 9, 0);
    static final long SERIES = 3L;
    static final long ACTION = 11L;

    final Map<Long, MeetingSeries> series = new HashMap<>();
    final Map<Long, AgencyAction> actions = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(MONDAY_9AM));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("agencyMeetingTimes", new AgencyMeetingTimes(new AgencyMeetingSettings(null, null, null),
                () -> ProcessTestEngine.CALENDAR, new SchoolClock(LONDON), series::get, actions::get));
        Mocks.register("agencyMeetingStartActions", (JavaDelegate) e -> calls.add("start actions of meeting " + e.getVariable("meetingId")));
        Mocks.register("agencyActionOverdue", (JavaDelegate) e -> calls.add("overdue " + e.getVariable("actionId")));
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    static Date at(LocalDateTime t) {
        return Date.from(t.atZone(LONDON).toInstant());
    }

    static Job job(ProcessInstance pi, String activity) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
    }

    /** Moves the clock just past the timer and fires it. */
    static void fire(ProcessInstance pi, String activity) {
        Job timer = job(pi, activity);
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        managementService().executeJob(timer.getId());
    }

    MeetingSeries newSeries(LocalDate first, String owner) {
        MeetingSeries s = new MeetingSeries("AM26-00003", 21L, Confidentiality.SAFEGUARDING, "core-group", "dsl", owner, null, null,
                first, "dsl", at(MONDAY_9AM).toInstant());
        series.put(SERIES, s);
        return s;
    }

    ProcessInstance openSeries(LocalDate first, String owner) {
        newSeries(first, owner);
        Map<String, Object> vars = new HashMap<>();
        vars.put(AgencyMeetingProcess.SERIES_ID, SERIES);
        vars.put(AgencyMeetingProcess.STUDENT_ID, 21L);
        vars.put(AgencyMeetingProcess.REFERENCE, "AM26-00003");
        vars.put(AgencyMeetingProcess.OWNER_GROUP, "dsl");
        vars.put(AgencyMeetingProcess.OWNER, owner);
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(AgencyMeetingProcess.KEY, "AM26-00003", vars);
        assertThat(pi).isStarted().isWaitingAt("Gateway_DayOrMoved");
        return pi;
    }

    static void recordMeeting(ProcessInstance pi, long meetingId, boolean goesOn) {
        complete(task(AgencyMeetingProcess.TASK_RECORD_MEETING, pi),
                withVariables(AgencyMeetingProcess.MEETING_ID, meetingId, AgencyMeetingProcess.GOES_ON, goesOn));
    }

    ProcessInstance agreeAction(String staffUser, String staffGroup, String agency, LocalDate due) {
        MeetingSeries s = series.containsKey(SERIES) ? series.get(SERIES) : newSeries(MONDAY_9AM.toLocalDate(), null);
        actions.put(ACTION, new AgencyAction("AA26-00011", s, 5L, "Referral to the school nurse", staffUser, staffGroup, agency, due));
        Map<String, Object> vars = new HashMap<>();
        vars.put(AgencyMeetingProcess.ACTION_ID, ACTION);
        vars.put(AgencyMeetingProcess.STUDENT_ID, 21L);
        vars.put(AgencyMeetingProcess.REFERENCE, "AA26-00011");
        vars.put(AgencyMeetingProcess.SCHOOL_ACTION, agency == null);
        vars.put(AgencyMeetingProcess.ACTION_ASSIGNEE, staffUser);
        vars.put(AgencyMeetingProcess.OWNER_GROUP, "dsl");
        vars.put(AgencyMeetingProcess.OWNER, null);
        return runtimeService().startProcessInstanceByKey(AgencyMeetingProcess.ACTION_KEY, "AA26-00011", vars);
    }

    // ---------------------------------------------------------------- the series

    @Test
    void onEachMeetingsDayTheDslIsRemindedToRecordItAndTheSeriesLoopsUntilAMeetingEndsIt() {
        ProcessInstance pi = openSeries(LocalDate.of(2026, 12, 3), null);
        assertThat(job(pi, "Timer_NextMeeting").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 3, 16, 0)));
        fire(pi, "Timer_NextMeeting");
        // recorded within two school days: Thursday 16:01 to Monday 16:01
        assertThat(task(AgencyMeetingProcess.TASK_RECORD_MEETING, pi)).hasCandidateGroup("dsl").isNotAssigned()
                .hasDueDate(at(LocalDateTime.of(2026, 12, 7, 16, 1)));
        series.get(SERIES).nextMeetingOn(LocalDate.of(2027, 1, 14));
        recordMeeting(pi, 41L, true);
        assertThat(calls).containsExactly("start actions of meeting 41");
        assertThat(pi).isWaitingAt("Gateway_DayOrMoved");
        assertThat(job(pi, "Timer_NextMeeting").getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 14, 16, 0)));
        fire(pi, "Timer_NextMeeting");
        recordMeeting(pi, 42L, false);
        assertThat(calls).containsExactly("start actions of meeting 41", "start actions of meeting 42");
        assertThat(pi).isEnded().hasPassed("End_SeriesEnded");
    }

    @Test
    void aMeetingAlreadyHeldIsRecordedAtOnceByTheNamedKeeper() {
        ProcessInstance pi = openSeries(LocalDate.of(2026, 11, 27), "teacher-dt");
        assertThat(job(pi, "Timer_NextMeeting").getDuedate()).isBefore(ClockUtil.getCurrentTime());
        managementService().executeJob(job(pi, "Timer_NextMeeting").getId());
        assertThat(task(AgencyMeetingProcess.TASK_RECORD_MEETING, pi)).isAssignedTo("teacher-dt");
    }

    @Test
    void closingASeriesBetweenMeetingsStopsTheReminder() {
        ProcessInstance pi = openSeries(LocalDate.of(2026, 12, 10), null);
        runtimeService().createMessageCorrelation(AgencyMeetingProcess.MESSAGE_CLOSED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed("End_Closed").hasNotPassed("Task_RecordMeeting");
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aMeetingMovedBeforeItsDayIsRemindedOnTheNewDayNotTheOldOne() {
        ProcessInstance pi = openSeries(LocalDate.of(2026, 12, 3), null);
        series.get(SERIES).moved(LocalDate.of(2026, 12, 9), null, null);
        runtimeService().createMessageCorrelation(AgencyMeetingProcess.MESSAGE_MOVED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).hasPassed("Event_MeetingMoved").isWaitingAt("Gateway_DayOrMoved");
        // one timer, on the new day: nothing comes on 3 December
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(job(pi, "Timer_NextMeeting").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 9, 16, 0)));
        fire(pi, "Timer_NextMeeting");
        assertThat(task(AgencyMeetingProcess.TASK_RECORD_MEETING, pi)).hasCandidateGroup("dsl");
    }

    @Test
    void aMeetingMovedOnItsDayWithdrawsTheReminderUntilTheNewDay() {
        ProcessInstance pi = openSeries(LocalDate.of(2026, 12, 3), "teacher-dt");
        fire(pi, "Timer_NextMeeting");
        assertThat(task(AgencyMeetingProcess.TASK_RECORD_MEETING, pi)).isAssignedTo("teacher-dt");
        series.get(SERIES).moved(LocalDate.of(2026, 12, 10), null, null);
        runtimeService().createMessageCorrelation(AgencyMeetingProcess.MESSAGE_MOVED).processInstanceId(pi.getId()).correlate();
        assertThat(pi).hasPassed("Event_MovedOnTheDay").isWaitingAt("Gateway_DayOrMoved");
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(job(pi, "Timer_NextMeeting").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 10, 16, 0)));
        fire(pi, "Timer_NextMeeting");
        recordMeeting(pi, 43L, false);
        assertThat(pi).isEnded().hasPassed("End_SeriesEnded");
    }

    // ---------------------------------------------------------------- the actions

    @Test
    void aSchoolActionIsItsNamedOwnersTaskDueOnItsDateAndTheKeeperIsToldWhenItIsOverdue() {
        ProcessInstance pi = agreeAction("teacher", null, null, LocalDate.of(2026, 12, 4));
        assertThat(pi).isWaitingAt(AgencyMeetingProcess.TASK_SCHOOL_ACTION);
        assertThat(task(AgencyMeetingProcess.TASK_SCHOOL_ACTION, pi)).isAssignedTo("teacher")
                .hasDueDate(at(LocalDateTime.of(2026, 12, 4, 16, 0)));
        assertThat(taskService().getIdentityLinksForTask(task(AgencyMeetingProcess.TASK_SCHOOL_ACTION, pi).getId()).stream()
                .filter(l -> l.getGroupId() != null).count()).as("offered to no group").isZero();
        // overdue: two school days after Friday 4 December is Tuesday 8 December
        assertThat(job(pi, "Timer_SchoolActionOverdue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 8, 16, 0)));
        fire(pi, "Timer_SchoolActionOverdue");
        assertThat(calls).containsExactly("overdue " + ACTION);
        assertThat(pi).isWaitingAt(AgencyMeetingProcess.TASK_SCHOOL_ACTION).hasPassed("End_KeeperTold");
        complete(task(AgencyMeetingProcess.TASK_SCHOOL_ACTION, pi));
        assertThat(pi).isEnded().hasPassed("End_SchoolActionDone");
    }

    @Test
    void aSchoolActionForAGroupIsOfferedToTheGroupAndDoneInTimeNobodyIsTold() {
        ProcessInstance pi = agreeAction(null, "pso", null, LocalDate.of(2026, 12, 4));
        assertThat(task(AgencyMeetingProcess.TASK_SCHOOL_ACTION, pi)).hasCandidateGroup("pso").isNotAssigned();
        complete(task(AgencyMeetingProcess.TASK_SCHOOL_ACTION, pi));
        assertThat(pi).isEnded().hasPassed("End_SchoolActionDone").hasNotPassed("Task_TellOverdue");
        assertThat(calls).isEmpty();
    }

    @Test
    void anotherAgencysActionReportedDoneEndsWithoutAChase() {
        ProcessInstance pi = agreeAction(null, null, "Social worker, children's services", LocalDate.of(2026, 12, 4));
        assertThat(pi).isWaitingAt("Gateway_WaitAgency");
        assertThat(job(pi, "Timer_AgencyOverdue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 8, 16, 0)));
        runtimeService().createMessageCorrelation(AgencyMeetingProcess.MESSAGE_ACTION_DONE).processInstanceId(pi.getId()).correlate();
        assertThat(pi).isEnded().hasPassed("Event_AgencyDone", "End_AgencyDone").hasNotPassed("Task_ChaseAgency");
    }

    @Test
    void anotherAgencysActionPastItsDateIsChasedByTheKeeperThenChasedAgainAfterTheNewDateThenDropped() {
        ProcessInstance pi = agreeAction(null, null, "School nurse", LocalDate.of(2026, 12, 4));
        fire(pi, "Timer_AgencyOverdue");
        assertThat(task(AgencyMeetingProcess.TASK_CHASE_AGENCY, pi)).hasCandidateGroup("dsl")
                .hasDueDate(at(LocalDateTime.of(2026, 12, 10, 16, 1)));
        actions.get(ACTION).chasedUntil(LocalDate.of(2026, 12, 14));
        complete(task(AgencyMeetingProcess.TASK_CHASE_AGENCY, pi), withVariables(AgencyMeetingProcess.CHASE_OUTCOME, AgencyMeetingProcess.NEW_DATE));
        assertThat(pi).isWaitingAt("Gateway_WaitAgency");
        assertThat(job(pi, "Timer_AgencyOverdue").getDuedate()).isEqualTo(at(LocalDateTime.of(2026, 12, 16, 16, 0)));
        fire(pi, "Timer_AgencyOverdue");
        complete(task(AgencyMeetingProcess.TASK_CHASE_AGENCY, pi), withVariables(AgencyMeetingProcess.CHASE_OUTCOME, AgencyMeetingProcess.DROPPED));
        assertThat(pi).isEnded().hasPassed("End_Dropped").hasNotPassed("End_ChasedDone");
    }

    @Test
    void anotherAgencysActionChasedAndFoundDone() {
        ProcessInstance pi = agreeAction(null, null, "CAMHS", LocalDate.of(2026, 12, 4));
        fire(pi, "Timer_AgencyOverdue");
        complete(task(AgencyMeetingProcess.TASK_CHASE_AGENCY, pi), withVariables(AgencyMeetingProcess.CHASE_OUTCOME, AgencyMeetingProcess.DONE));
        assertThat(pi).isEnded().hasPassed("End_ChasedDone");
    }
}
