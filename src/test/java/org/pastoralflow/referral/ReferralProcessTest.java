package org.pastoralflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.support.EngineFacts;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;
import org.pastoralflow.workflow.Processes;

/**
 * Every path of referral.bpmn on a real engine (PostgreSQL), with the service tasks' delegates
 * replaced by recorders and time moved by the engine clock. Coverage must reach every element.
 */
@Deployment(resources = {ReferralProcessTest.MODEL, ReferralProcessTest.ROUTING})
class ReferralProcessTest {

    static final String MODEL = "processes/referral.bpmn";
    static final String ROUTING = "processes/referral-routing.dmn";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("referral"))
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Monday of a school week, mid-morning. */
    static final LocalDateTime MONDAY_10AM = LocalDateTime.of(2026, 11, 23, 10, 0);

    RecordingDelegate recordConcern = new RecordingDelegate();
    RecordingDelegate alertDsl = new RecordingDelegate();
    RecordingDelegate escalate = new RecordingDelegate();
    RecordingDelegate remindChase = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        // other test classes in the same JVM may have started the application's engine too
        BpmnAwareTests.init(engine.getProcessEngine());
        setClock(MONDAY_10AM);
        Mocks.register("recordConcern", recordConcern);
        Mocks.register("alertDsl", alertDsl);
        Mocks.register("escalateUntouchedReview", escalate);
        Mocks.register("remindChaseAgency", remindChase);
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
    }

    @AfterEach
    void reset() {
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), List.of(ReferralProcess.CATEGORY));
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    static void setClock(LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(ProcessTestEngine.LONDON).toInstant()));
    }

    static Date at(LocalDateTime t) {
        return Date.from(t.atZone(ProcessTestEngine.LONDON).toInstant());
    }

    /**
     * Starts a referral through the workflow adapter as ReferralService does, the category given to
     * the routing table only; task() and job lookups without an instance then refer to this one.
     */
    static ProcessInstance raise(String category, boolean immediateRisk) {
        String id = new Processes(runtimeService()).start(ReferralProcess.KEY, "R26-00001", Map.of(
                ReferralProcess.REFERRAL_ID, 1L, ReferralProcess.STUDENT_ID, 2L, ReferralProcess.REFERENCE, "R26-00001",
                ReferralProcess.IMMEDIATE_RISK, immediateRisk), Map.of(ReferralProcess.CATEGORY, category));
        ProcessInstance pi = runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(pi).isStarted();
        return pi;
    }

    static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    static void fire(Job job) {
        managementService().executeJob(job.getId());
    }

    static void decideDsl(String decision, String ownerGroup) {
        complete(task(ReferralProcess.TASK_DSL_REVIEW), ownerGroup == null
                ? withVariables(ReferralProcess.DSL_DECISION, decision)
                : withVariables(ReferralProcess.DSL_DECISION, decision, ReferralProcess.OWNER_GROUP, ownerGroup));
    }

    /** Gets a welfare concern to a running support plan held by a PSO. */
    static ProcessInstance planInPlace() {
        ProcessInstance pi = raise("welfare", false);
        complete(task("Task_PsoTriage"), withVariables(ReferralProcess.TRIAGE_DECISION, "accept", ReferralProcess.OWNER_GROUP, "pso"));
        complete(task("Task_WriteSupportPlan"));
        assertThat(pi).isWaitingAt("Timer_PlanReviewDue");
        fire(timer(pi, "Timer_PlanReviewDue"));
        assertThat(pi).isWaitingAt("Task_ReviewPlan");
        return pi;
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING})
    class RoutedToTheDsl {

        @Test
        void aSafeguardingConcernIsRecordedThenReviewedByTheDslWithinOneSchoolDay() {
            ProcessInstance pi = raise("safeguarding", false);

            assertThat(pi).hasPassedInOrder("Task_DecideRoute", "Task_RecordConcern").isWaitingAt("Task_DslReview");
            assertThat(pi).variables().containsEntry(ReferralProcess.ROUTE, "dsl");
            assertThat(recordConcern.calls()).isEqualTo(1);
            assertThat(alertDsl.calls()).isZero();
            assertThat(task()).hasCandidateGroup("dsl").hasDueDate(at(MONDAY_10AM.plusDays(1)));
            assertThat(task().getPriority()).isEqualTo(75);

            decideDsl("no-further-action", null);
            assertThat(pi).isEnded().hasPassed("End_ClosedByDsl");
        }

        @Test
        void immediateRiskAlertsTheDslsAndGoesToTheTopOfTheInbox() {
            ProcessInstance pi = raise("welfare", true);

            assertThat(pi).hasPassed("Task_AlertDsl").isWaitingAt("Task_DslReview");
            assertThat(alertDsl.calls()).isEqualTo(1);
            assertThat(task().getPriority()).isEqualTo(100);
        }

        @Test
        void aFridayConcernIsDueOnMondayNotSaturday() {
            setClock(LocalDateTime.of(2026, 11, 27, 15, 30));
            raise("safeguarding", false);
            assertThat(task()).hasDueDate(at(LocalDateTime.of(2026, 11, 30, 15, 30)));
        }

        @Test
        void anUntouchedReviewEscalatesAtItsDeadlineAndStaysOpen() {
            ProcessInstance pi = raise("safeguarding", false);
            Job untouched = timer(pi, "Timer_DslReviewUntouched");
            assertThat(untouched.getDuedate()).isEqualTo(at(MONDAY_10AM.plusDays(1)));

            setClock(MONDAY_10AM.plusDays(1).plusMinutes(1));
            fire(untouched);

            assertThat(escalate.calls()).isEqualTo(1);
            assertThat(pi).hasPassed("Task_EscalateReview", "End_Escalated").isWaitingAt("Task_DslReview");
        }

        @Test
        void monitoringComesBackToTheDslAfterSixSchoolWeeks() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("monitor", "dsl");
            assertThat(pi).isWaitingAt("Timer_MonitoringDue");
            // 30 school days from Mon 23 Nov 2026: 19 left before Christmas, then 11 from Tue 5 Jan (4 Jan is INSET) = Tue 19 Jan
            assertThat(timer(pi, "Timer_MonitoringDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 19, 10, 0)));

            fire(timer(pi, "Timer_MonitoringDue"));
            assertThat(pi).isWaitingAt("Task_DslReview");
        }

        @Test
        void handingToAPsoStartsASupportPlanHeldByThePsos() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("pastoral-support", "pso");
            assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
            assertThat(task()).hasCandidateGroup("pso");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING})
    class ExternalAgencies {

        @Test
        void socialCareReferralIsRecordedAndChasedWhenNoFeedbackWithinThreeSchoolDays() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("social-care", "dsl");
            assertThat(pi).isWaitingAt("Task_RecordExternalReferral");
            assertThat(task()).hasCandidateGroup("dsl");
            complete(task());

            assertThat(pi).isWaitingAt("Task_RecordAgencyFeedback");
            Job chase = timer(pi, "Timer_ChaseFeedback");
            assertThat(chase.getDuedate()).isEqualTo(at(MONDAY_10AM.plusDays(3)));
            fire(chase);
            assertThat(remindChase.calls()).isEqualTo(1);
            assertThat(pi).hasPassed("End_ChaseReminded").isWaitingAt("Task_RecordAgencyFeedback");

            complete(task(), withVariables(ReferralProcess.FEEDBACK_OUTCOME, "closed"));
            assertThat(pi).isEnded().hasPassed("End_ClosedExternal");
        }

        @Test
        void earlyHelpThatComesBackForSupportInSchoolLeadsToAPlan() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("early-help", "dsl");
            complete(task());
            complete(task(), withVariables(ReferralProcess.FEEDBACK_OUTCOME, "support-in-school", ReferralProcess.OWNER_GROUP, "pso"));
            assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
            assertThat(task()).hasCandidateGroup("pso");
        }

        @Test
        void feedbackCanSendTheReferralBackToTheDsl() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("social-care", "dsl");
            complete(task());
            complete(task(), withVariables(ReferralProcess.FEEDBACK_OUTCOME, "back-to-dsl"));
            assertThat(pi).isWaitingAt("Task_DslReview");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING})
    class PsoTriage {

        @Test
        void aWelfareConcernGoesToPsoTriageWithinTwoSchoolDays() {
            ProcessInstance pi = raise("welfare", false);
            assertThat(pi).isWaitingAt("Task_PsoTriage");
            assertThat(task()).hasCandidateGroup("pso").hasDueDate(at(MONDAY_10AM.plusDays(2)));
        }

        @Test
        void triageCanSignpostOrClose() {
            ProcessInstance signposted = raise("behaviour", false);
            complete(task("Task_PsoTriage", signposted), withVariables(ReferralProcess.TRIAGE_DECISION, "signpost"));
            assertThat(signposted).isEnded().hasPassed("End_ClosedAtTriage");

            ProcessInstance closed = raise("other", false);
            complete(task("Task_PsoTriage", closed), withVariables(ReferralProcess.TRIAGE_DECISION, "no-further-action"));
            assertThat(closed).isEnded().hasPassed("End_ClosedAtTriage");
        }

        @Test
        void triageCanEscalateToTheDsl() {
            ProcessInstance pi = raise("attendance", false);
            complete(task(), withVariables(ReferralProcess.TRIAGE_DECISION, "escalate-dsl", ReferralProcess.OWNER_GROUP, "dsl"));
            assertThat(pi).isWaitingAt("Task_DslReview");
        }

        @Test
        void triageCanPassToTheSenco() {
            ProcessInstance pi = raise("behaviour", false);
            complete(task(), withVariables(ReferralProcess.TRIAGE_DECISION, "pass-senco", ReferralProcess.OWNER_GROUP, "senco"));
            assertThat(pi).isWaitingAt("Task_SencoReview");
            assertThat(task()).hasCandidateGroup("senco");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING})
    class Senco {

        @Test
        void aSendConcernGoesToTheSencoWhoCanStartSenSupport() {
            ProcessInstance pi = raise("send", false);
            assertThat(pi).isWaitingAt("Task_SencoReview");
            complete(task(), withVariables(ReferralProcess.SENCO_DECISION, "send-support", ReferralProcess.OWNER_GROUP, "senco"));
            assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
            assertThat(task()).hasCandidateGroup("senco");
        }

        @Test
        void theSencoCanPassToAPsoEscalateOrClose() {
            ProcessInstance toPso = raise("send", false);
            complete(task("Task_SencoReview", toPso), withVariables(ReferralProcess.SENCO_DECISION, "pass-pso", ReferralProcess.OWNER_GROUP, "pso"));
            assertThat(toPso).isWaitingAt("Task_PsoTriage");

            ProcessInstance toDsl = raise("send", false);
            complete(task("Task_SencoReview", toDsl), withVariables(ReferralProcess.SENCO_DECISION, "escalate-dsl", ReferralProcess.OWNER_GROUP, "dsl"));
            assertThat(toDsl).isWaitingAt("Task_DslReview");

            ProcessInstance closed = raise("send", false);
            complete(task("Task_SencoReview", closed), withVariables(ReferralProcess.SENCO_DECISION, "no-further-action"));
            assertThat(closed).isEnded().hasPassed("End_ClosedBySenco");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING})
    class SupportPlanReview {

        @Test
        void thePlanIsReviewedEverySixSchoolWeeksAndClosed() {
            ProcessInstance pi = raise("welfare", false);
            complete(task(), withVariables(ReferralProcess.TRIAGE_DECISION, "accept", ReferralProcess.OWNER_GROUP, "pso"));
            complete(task("Task_WriteSupportPlan"));
            assertThat(timer(pi, "Timer_PlanReviewDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 19, 10, 0)));
            fire(timer(pi, "Timer_PlanReviewDue"));

            complete(task("Task_ReviewPlan"), withVariables(ReferralProcess.REVIEW_DECISION, "continue"));
            assertThat(pi).isWaitingAt("Timer_PlanReviewDue");
            fire(timer(pi, "Timer_PlanReviewDue"));

            complete(task("Task_ReviewPlan"), withVariables(ReferralProcess.REVIEW_DECISION, "close"));
            assertThat(pi).isEnded().hasPassed("End_PlanClosed");
        }

        @Test
        void aReviewCanStepUpToTheDslTheSencoOrAnAgency() {
            ProcessInstance toDsl = planInPlace();
            complete(task("Task_ReviewPlan", toDsl), withVariables(ReferralProcess.REVIEW_DECISION, "step-up-dsl", ReferralProcess.OWNER_GROUP, "dsl"));
            assertThat(toDsl).isWaitingAt("Task_DslReview");

            ProcessInstance toSenco = planInPlace();
            complete(task("Task_ReviewPlan", toSenco), withVariables(ReferralProcess.REVIEW_DECISION, "step-up-senco", ReferralProcess.OWNER_GROUP, "senco"));
            assertThat(toSenco).isWaitingAt("Task_SencoReview");

            ProcessInstance toAgency = planInPlace();
            complete(task("Task_ReviewPlan", toAgency), withVariables(ReferralProcess.REVIEW_DECISION, "step-up-external"));
            assertThat(toAgency).isWaitingAt("Task_RecordExternalReferral");
            assertThat(task("Task_RecordExternalReferral", toAgency)).hasCandidateGroup("pso");
        }
    }

    @Test
    void anUnknownDecisionIsRefusedRatherThanClosingTheCase() {
        ProcessInstance pi = raise("safeguarding", false);
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> complete(task(), withVariables(ReferralProcess.DSL_DECISION, "close-it")));
        assertThat(pi).isWaitingAt("Task_DslReview");
    }
}
