package org.pastoralflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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
import org.pastoralflow.support.ProcessTestEngine;

/** Both paths of retention-review.bpmn, started by its Monday timer. */
@Deployment(resources = "processes/retention-review.bpmn")
class RetentionReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("retention"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final ZoneId LONDON = ProcessTestEngine.LONDON;

    /** Stands in for the listing: says how many records are due. */
    static class Listing implements JavaDelegate {
        int due;

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(RetentionProcess.DUE, due);
        }
    }

    Listing listing = new Listing();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("listRecordsPastRetention", listing);
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    /** Fires the start timer as the job executor would on Monday morning, and the listing after it. */
    ProcessInstance monday() {
        Job timer = managementService().createJobQuery().timers().singleResult();
        assertThat(timer.getDuedate().toInstant().atZone(LONDON).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(timer.getDuedate().toInstant().atZone(LONDON).getHour()).isEqualTo(6);
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService().executeJob(timer.getId());
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processDefinitionKey(RetentionProcess.KEY).singleResult();
        assertThat(pi).isWaitingAt("Task_ListPastRetention");
        execute(job());
        return pi;
    }

    @Test
    void recordsPastTheirDateGiveTheDslATaskWithADeadline() {
        listing.due = 3;
        ProcessInstance pi = monday();
        assertThat(pi).isWaitingAt(RetentionProcess.TASK_DECIDE);
        assertThat(task()).hasCandidateGroup("dsl").hasFormKey("app:retention/decide");
        assertThat(task().getDueDate()).isEqualTo(ProcessTestEngine.deadlines().after(ClockUtil.getCurrentTime(), "retention.decide"));
        complete(task());
        assertThat(pi).hasPassed("End_Decided").isEnded();
    }

    @Test
    void nothingPastItsDateEndsWithoutATask() {
        listing.due = 0;
        ProcessInstance pi = monday();
        assertThat(pi).hasPassed("End_NothingDue").isEnded();
        // the next Monday's timer is already waiting
        assertThat(managementService().createJobQuery().timers().count()).isEqualTo(1);
    }
}
