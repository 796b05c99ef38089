package org.pastoralflow.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pastoralflow.support.EngineFacts;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;
import org.pastoralflow.workflow.Processes;

/**
 * Every path of referral.bpmn on a real engine (PostgreSQL), with the service tasks' delegates
 * replaced by recorders and time moved by the engine clock, and the real routing and hand-over
 * tables. Coverage must reach every element.
 */
@Deployment(resources = {ReferralProcessTest.MODEL, ReferralProcessTest.ROUTING, ReferralProcessTest.HANDOVER})
class ReferralProcessTest {

    static final String MODEL = "processes/referral.bpmn";
    static final String ROUTING = "processes/referral-routing.dmn";
    static final String HANDOVER = "processes/referral-handover.dmn";

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
    HandsOn handOn = new HandsOn();

    /** "Hand the referral on": remembers the group each hand-on gave the referral record. */
    static class HandsOn implements JavaDelegate {
        final List<String> groups = new ArrayList<>();
        final List<String> after = new ArrayList<>();

        @Override
        public void execute(DelegateExecution execution) {
            groups.add((String) execution.getVariable(ReferralProcess.OWNER_GROUP));
            after.add(execution.getCurrentActivityId());
        }

        String last() {
            return groups.get(groups.size() - 1);
        }
    }

    /** "Check whether a DSL has it" as ReferralService answers it: is the review still unassigned? */
    static final JavaDelegate CHECK_REVIEW_CLAIMED = execution -> execution.setVariable(ReferralProcess.REVIEW_UNCLAIMED,
            Variables.booleanValue(taskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                    .taskDefinitionKey(ReferralProcess.TASK_DSL_REVIEW).taskUnassigned().count() > 0, true));

    @BeforeEach
    void mocks() {
        // other test classes in the same JVM may have started the application's engine too
        BpmnAwareTests.init(engine.getProcessEngine());
        setClock(MONDAY_10AM);
        Mocks.register("recordConcern", recordConcern);
        Mocks.register("alertDsl", alertDsl);
        Mocks.register("escalateUntouchedReview", escalate);
        Mocks.register("remindChaseAgency", remindChase);
        Mocks.register("handReferralOn", handOn);
        Mocks.register("checkReviewClaimed", CHECK_REVIEW_CLAIMED);
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
    }

    @AfterEach
    void reset() {
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), List.of(ReferralProcess.CATEGORY, ReferralProcess.REVIEW_UNCLAIMED));
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

    /** The decision forms give the engine the decision code and nothing else: who holds it next is the model's. */
    static void decide(ProcessInstance pi, String taskKey, String variable, String decision) {
        complete(task(taskKey, pi), withVariables(variable, decision));
    }

    static void decideDsl(String decision) {
        complete(task(ReferralProcess.TASK_DSL_REVIEW), withVariables(ReferralProcess.DSL_DECISION, decision));
    }

    /** Gets a concern to a running support plan, held by the PSOs (welfare, accepted at triage) or the SENCO (SEND support). */
    static ProcessInstance planInPlace(String heldBy) {
        ProcessInstance pi;
        if (heldBy.equals("senco")) {
            pi = raise("send", false);
            decide(pi, ReferralProcess.TASK_SENCO_REVIEW, ReferralProcess.SENCO_DECISION, "send-support");
        } else {
            pi = raise("welfare", false);
            decide(pi, ReferralProcess.TASK_PSO_TRIAGE, ReferralProcess.TRIAGE_DECISION, "accept");
        }
        assertThat(task("Task_WriteSupportPlan", pi)).hasCandidateGroup(heldBy);
        complete(task("Task_WriteSupportPlan", pi));
        assertThat(pi).isWaitingAt("Timer_PlanReviewDue");
        fire(timer(pi, "Timer_PlanReviewDue"));
        assertThat(pi).isWaitingAt("Task_ReviewPlan");
        assertThat(task("Task_ReviewPlan", pi)).hasCandidateGroup(heldBy);
        return pi;
    }

    static ProcessInstance waitingForAgencyFeedback() {
        ProcessInstance pi = raise("safeguarding", false);
        decideDsl("social-care");
        complete(task("Task_RecordExternalReferral", pi));
        assertThat(pi).isWaitingAt("Task_RecordAgencyFeedback");
        return pi;
    }

    /**
     * What the hand-over table gave after a decision: the group the hand-on gave the referral record
     * (once, right after the step's table), and the process variable the next tasks are offered by.
     */
    void assertHandedTo(ProcessInstance pi, String step, String group) {
        assertThat(handOn.after).last().isEqualTo("Task_RecordHolderAfter" + step);
        assertThat(pi).hasPassed("Task_HandOverAfter" + step, "Task_RecordHolderAfter" + step);
        assertThat(handOn.last()).isEqualTo(group);
        HistoricVariableInstance owner = historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(ReferralProcess.OWNER_GROUP).singleResult();
        assertThat(owner.getValue()).isEqualTo(group);
        // the table's inputs are the step's own: they do not stay on the process
        assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
                .variableNameIn(ReferralProcess.STEP, ReferralProcess.DECISION).count()).isZero();
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING, HANDOVER})
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

            decideDsl("no-further-action");
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

            assertThat(pi).hasPassedInOrder("Task_CheckReviewClaimed", "Gateway_StillUnclaimed", "Task_EscalateReview", "End_Escalated")
                    .hasNotPassed("End_ReviewPickedUp").isWaitingAt("Task_DslReview");
            assertThat(escalate.calls()).isEqualTo(1);
            assertThat(task()).isNotAssigned();
        }

        @Test
        void aReviewADslHasPickedUpIsNotEscalatedAtItsDeadline() {
            ProcessInstance pi = raise("safeguarding", false);
            claim(task(), "dsl-deputy");

            setClock(MONDAY_10AM.plusDays(1).plusMinutes(1));
            fire(timer(pi, "Timer_DslReviewUntouched"));

            assertThat(pi).hasPassedInOrder("Task_CheckReviewClaimed", "Gateway_StillUnclaimed", "End_ReviewPickedUp")
                    .hasNotPassed("Task_EscalateReview", "End_Escalated").isWaitingAt("Task_DslReview");
            assertThat(escalate.calls()).isZero();
            assertThat(task()).isAssignedTo("dsl-deputy");
            // the timer fires once per review
            assertThat(timer(pi, "Timer_DslReviewUntouched")).isNull();
        }

        @Test
        void monitoringComesBackToTheDslAfterSixSchoolWeeks() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("monitor");
            assertThat(pi).isWaitingAt("Timer_MonitoringDue");
            // 30 school days from Mon 23 Nov 2026: 19 left before Christmas, then 11 from Tue 5 Jan (4 Jan is INSET) = Tue 19 Jan
            assertThat(timer(pi, "Timer_MonitoringDue").getDuedate()).isEqualTo(at(LocalDateTime.of(2027, 1, 19, 10, 0)));

            fire(timer(pi, "Timer_MonitoringDue"));
            assertThat(pi).isWaitingAt("Task_DslReview");
        }

        @Test
        void handingToAPsoStartsASupportPlanHeldByThePsos() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("pastoral-support");
            assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
            assertThat(task()).hasCandidateGroup("pso");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING, HANDOVER})
    class ExternalAgencies {

        @Test
        void socialCareReferralIsRecordedAndChasedWhenNoFeedbackWithinThreeSchoolDays() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("social-care");
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
            decideDsl("early-help");
            complete(task());
            complete(task(), withVariables(ReferralProcess.FEEDBACK_OUTCOME, "support-in-school"));
            assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
            assertThat(task()).hasCandidateGroup("pso");
        }

        @Test
        void feedbackCanSendTheReferralBackToTheDsl() {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl("social-care");
            complete(task());
            complete(task(), withVariables(ReferralProcess.FEEDBACK_OUTCOME, "back-to-dsl"));
            assertThat(pi).isWaitingAt("Task_DslReview");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING, HANDOVER})
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
            complete(task(), withVariables(ReferralProcess.TRIAGE_DECISION, "escalate-dsl"));
            assertThat(pi).isWaitingAt("Task_DslReview");
        }

        @Test
        void triageCanPassToTheSenco() {
            ProcessInstance pi = raise("behaviour", false);
            complete(task(), withVariables(ReferralProcess.TRIAGE_DECISION, "pass-senco"));
            assertThat(pi).isWaitingAt("Task_SencoReview");
            assertThat(task()).hasCandidateGroup("senco");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING, HANDOVER})
    class Senco {

        @Test
        void aSendConcernGoesToTheSencoWhoCanStartSenSupport() {
            ProcessInstance pi = raise("send", false);
            assertThat(pi).isWaitingAt("Task_SencoReview");
            complete(task(), withVariables(ReferralProcess.SENCO_DECISION, "send-support"));
            assertThat(pi).isWaitingAt("Task_WriteSupportPlan");
            assertThat(task()).hasCandidateGroup("senco");
        }

        @Test
        void theSencoCanPassToAPsoEscalateOrClose() {
            ProcessInstance toPso = raise("send", false);
            complete(task("Task_SencoReview", toPso), withVariables(ReferralProcess.SENCO_DECISION, "pass-pso"));
            assertThat(toPso).isWaitingAt("Task_PsoTriage");

            ProcessInstance toDsl = raise("send", false);
            complete(task("Task_SencoReview", toDsl), withVariables(ReferralProcess.SENCO_DECISION, "escalate-dsl"));
            assertThat(toDsl).isWaitingAt("Task_DslReview");

            ProcessInstance closed = raise("send", false);
            complete(task("Task_SencoReview", closed), withVariables(ReferralProcess.SENCO_DECISION, "no-further-action"));
            assertThat(closed).isEnded().hasPassed("End_ClosedBySenco");
        }
    }

    @Nested
    @Deployment(resources = {MODEL, ROUTING, HANDOVER})
    class SupportPlanReview {

        @Test
        void thePlanIsReviewedEverySixSchoolWeeksAndClosed() {
            ProcessInstance pi = raise("welfare", false);
            complete(task(), withVariables(ReferralProcess.TRIAGE_DECISION, "accept"));
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
            ProcessInstance toDsl = planInPlace("pso");
            complete(task("Task_ReviewPlan", toDsl), withVariables(ReferralProcess.REVIEW_DECISION, "step-up-dsl"));
            assertThat(toDsl).isWaitingAt("Task_DslReview");

            ProcessInstance toSenco = planInPlace("pso");
            complete(task("Task_ReviewPlan", toSenco), withVariables(ReferralProcess.REVIEW_DECISION, "step-up-senco"));
            assertThat(toSenco).isWaitingAt("Task_SencoReview");

            ProcessInstance toAgency = planInPlace("pso");
            complete(task("Task_ReviewPlan", toAgency), withVariables(ReferralProcess.REVIEW_DECISION, "step-up-external"));
            assertThat(toAgency).isWaitingAt("Task_RecordExternalReferral");
            assertThat(task("Task_RecordExternalReferral", toAgency)).hasCandidateGroup("pso");
        }
    }

    /**
     * Every decision of every step through referral-handover.dmn: the group the table gives, what the
     * referral record is handed to, and the task the referral lands on, offered to that group.
     */
    @Nested
    @Deployment(resources = {MODEL, ROUTING, HANDOVER})
    class WhoHoldsItNext {

        @ParameterizedTest(name = "DSL review: {0} -> {1}, {2}")
        @CsvSource({
                "social-care,       dsl, Task_RecordExternalReferral",
                "early-help,        dsl, Task_RecordExternalReferral",
                "monitor,           dsl, Timer_MonitoringDue",
                "pastoral-support,  pso, Task_WriteSupportPlan",
                "no-further-action,    , End_ClosedByDsl",
        })
        void afterTheDslReview(String decision, String group, String next) {
            ProcessInstance pi = raise("safeguarding", false);
            decideDsl(decision);
            assertLandsOn(pi, "DslReview", group, next);
        }

        @ParameterizedTest(name = "PSO triage: {0} -> {1}, {2}")
        @CsvSource({
                "accept,            pso,   Task_WriteSupportPlan",
                "signpost,             ,   End_ClosedAtTriage",
                "pass-senco,        senco, Task_SencoReview",
                "escalate-dsl,      dsl,   Task_DslReview",
                "no-further-action,      , End_ClosedAtTriage",
        })
        void afterPsoTriage(String decision, String group, String next) {
            ProcessInstance pi = raise("welfare", false);
            decide(pi, ReferralProcess.TASK_PSO_TRIAGE, ReferralProcess.TRIAGE_DECISION, decision);
            assertLandsOn(pi, "PsoTriage", group, next);
        }

        @ParameterizedTest(name = "SENCO review: {0} -> {1}, {2}")
        @CsvSource({
                "send-support,      senco, Task_WriteSupportPlan",
                "pass-pso,          pso,   Task_PsoTriage",
                "escalate-dsl,      dsl,   Task_DslReview",
                "no-further-action,      , End_ClosedBySenco",
        })
        void afterTheSencoReview(String decision, String group, String next) {
            ProcessInstance pi = raise("send", false);
            decide(pi, ReferralProcess.TASK_SENCO_REVIEW, ReferralProcess.SENCO_DECISION, decision);
            assertLandsOn(pi, "SencoReview", group, next);
        }

        @ParameterizedTest(name = "Agency feedback: {0} -> {1}, {2}")
        @CsvSource({
                "support-in-school, pso, Task_WriteSupportPlan",
                "back-to-dsl,       dsl, Task_DslReview",
                "closed,               , End_ClosedExternal",
        })
        void afterAgencyFeedback(String decision, String group, String next) {
            ProcessInstance pi = waitingForAgencyFeedback();
            decide(pi, "Task_RecordAgencyFeedback", ReferralProcess.FEEDBACK_OUTCOME, decision);
            assertLandsOn(pi, "AgencyFeedback", group, next);
        }

        @ParameterizedTest(name = "Plan review of a plan held by {0}: {1} -> {2}, {3}")
        @CsvSource({
                "pso,   continue,         pso,   Timer_PlanReviewDue",
                "senco, continue,         senco, Timer_PlanReviewDue",
                "pso,   step-up-dsl,      dsl,   Task_DslReview",
                "pso,   step-up-senco,    senco, Task_SencoReview",
                "pso,   step-up-external, pso,   Task_RecordExternalReferral",
                "senco, step-up-external, senco, Task_RecordExternalReferral",
                "senco, close,                 , End_PlanClosed",
        })
        void afterAPlanReview(String heldBy, String decision, String group, String next) {
            ProcessInstance pi = planInPlace(heldBy);
            decide(pi, "Task_ReviewPlan", ReferralProcess.REVIEW_DECISION, decision);
            assertLandsOn(pi, "PlanReview", group, next);
            if (next.equals("Timer_PlanReviewDue")) {
                // the plan goes on with its holder: the next review is theirs again
                fire(timer(pi, "Timer_PlanReviewDue"));
                assertThat(task("Task_ReviewPlan", pi)).hasCandidateGroup(heldBy);
            }
        }

        void assertLandsOn(ProcessInstance pi, String step, String group, String next) {
            assertHandedTo(pi, step, group);
            if (next.startsWith("End_")) {
                assertThat(pi).isEnded().hasPassed(next);
                return;
            }
            assertThat(pi).isWaitingAt(next);
            assertThat(pi).variables().containsEntry(ReferralProcess.OWNER_GROUP, group);
            if (next.startsWith("Task_")) {
                assertThat(task(next, pi)).hasCandidateGroup(group);
                assertThat(taskService().getIdentityLinksForTask(task(next, pi).getId())).hasSize(1);
            }
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
