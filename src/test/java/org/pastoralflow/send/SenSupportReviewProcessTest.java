package org.pastoralflow.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.Date;
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

/**
 * sen-support-review.bpmn by the engine clock on the demo school's calendar: the review falls 60 school
 * days (12 school weeks, holidays not counted) after the pupil joins the register and after each
 * review, which gives at least three reviews in a school year of 39 weeks; leaving SEN support ends it.
 */
@Deployment(resources = "processes/sen-support-review.bpmn")
class SenSupportReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("sensupport"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final LocalDateTime MONDAY_9AM = LocalDateTime.of(2026, 11, 30, 9, 0);

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(at(MONDAY_9AM));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
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

    static Job timer(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_ReviewDue").singleResult();
    }

    static void fire(ProcessInstance pi) {
        Job t = timer(pi);
        ClockUtil.setCurrentTime(new Date(t.getDuedate().getTime() + 60_000));
        managementService().executeJob(t.getId());
    }

    @Test
    void theReviewFallsTwelveSchoolWeeksOnAndEachReviewSetsTheNextUntilThePupilLeavesSenSupport() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(SupportReviewProcess.KEY, "SN26-00001",
                Map.of(SupportReviewProcess.ENTRY_ID, 1L, SupportReviewProcess.REFERENCE, "SN26-00001"));
        // 14 school days left of the autumn term, the spring INSET day and half-term not counted: Tuesday 16 March
        assertThat(timer(pi).getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 3, 16, 9, 0)));
        assertThat(pi).isWaitingAt("Timer_ReviewDue");

        fire(pi);
        assertThat(task(SupportReviewProcess.TASK_REVIEW, pi)).hasCandidateGroup("senco")
                .hasDueDate(at(LocalDateTime.of(2027, 3, 30, 9, 1))); // ten school days later: the calendar knows no summer term, so weekdays count
        complete(task(SupportReviewProcess.TASK_REVIEW, pi), withVariables(SupportReviewProcess.OUTCOME, SupportReview.REQUEST_ASSESSMENT));
        assertThat(pi).isWaitingAt("Timer_ReviewDue").isNotEnded();
        assertThat(timer(pi).getDuedate()).isAfter(at(LocalDateTime.of(2027, 6, 1, 0, 0)));

        fire(pi);
        complete(task(SupportReviewProcess.TASK_REVIEW, pi), withVariables(SupportReviewProcess.OUTCOME, SupportReview.LEAVE));
        assertThat(pi).isEnded().hasPassed("End_LeftSupport");
    }
}
