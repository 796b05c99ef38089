package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.referral.ReferralProcess;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;

/**
 * The upgrade of issue 19 on a real engine (PostgreSQL): referrals started on the model as it was
 * before (processes-before-issue-19/referral.bpmn, the holder set by the forms) wait at a DSL review
 * with its escalation timer, at agency feedback with its chase timer, and at a plan's six-week timer
 * when the new model is deployed. At start-up they are moved to it, timers and due dates kept, and
 * each goes on through the hand-over table with forms that no longer send a holder.
 */
class ModelUpgradesTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("modelupgrades")).build();

    static final LocalDateTime MONDAY_10AM = LocalDateTime.of(2026, 11, 23, 10, 0);

    final List<String> handedOnTo = new ArrayList<>();
    RecordingDelegate escalate = new RecordingDelegate();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(MONDAY_10AM.atZone(ProcessTestEngine.LONDON).toInstant()));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        for (String delegate : List.of("recordConcern", "alertDsl", "remindChaseAgency")) {
            Mocks.register(delegate, new RecordingDelegate());
        }
        Mocks.register("escalateUntouchedReview", escalate);
        Mocks.register("handReferralOn", (JavaDelegate) execution ->
                handedOnTo.add((String) execution.getVariable(ReferralProcess.OWNER_GROUP)));
        Mocks.register("checkReviewClaimed", (JavaDelegate) execution -> execution.setVariable(ReferralProcess.REVIEW_UNCLAIMED,
                Variables.booleanValue(taskService().createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(ReferralProcess.TASK_DSL_REVIEW).taskUnassigned().count() > 0, true)));
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    static void deploy(String... resources) {
        var deployment = repositoryService().createDeployment();
        for (String resource : resources) {
            deployment.addClasspathResource(resource);
        }
        deployment.deploy();
    }

    static ProcessInstance raise(long id, String category) {
        String pi = new Processes(runtimeService()).start(ReferralProcess.KEY, "R26-0000" + id, Map.of(ReferralProcess.REFERRAL_ID, id,
                ReferralProcess.STUDENT_ID, 2L, ReferralProcess.REFERENCE, "R26-0000" + id, ReferralProcess.IMMEDIATE_RISK, false),
                Map.of(ReferralProcess.CATEGORY, category));
        return runtimeService().createProcessInstanceQuery().processInstanceId(pi).singleResult();
    }

    static String definitionOf(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId();
    }

    static Job timer(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    @Test
    void runningReferralsOfTheOldModelAreMovedToTheNewOneAndHandedOnByItsTable() {
        deploy("processes-before-issue-19/referral.bpmn", "processes/referral-routing.dmn");
        // as the old forms completed the tasks: the decision and the holder
        ProcessInstance review = raise(1, "safeguarding");
        ProcessInstance claimedReview = raise(2, "safeguarding");
        claim(task(ReferralProcess.TASK_DSL_REVIEW, claimedReview), "dsl-deputy");
        ProcessInstance feedback = raise(3, "safeguarding");
        complete(task(ReferralProcess.TASK_DSL_REVIEW, feedback), withVariables(ReferralProcess.DSL_DECISION, "social-care",
                ReferralProcess.OWNER_GROUP, "dsl"));
        complete(task("Task_RecordExternalReferral", feedback));
        ProcessInstance plan = raise(4, "send");
        complete(task(ReferralProcess.TASK_SENCO_REVIEW, plan), withVariables(ReferralProcess.SENCO_DECISION, "send-support",
                ReferralProcess.OWNER_GROUP, "senco"));
        complete(task("Task_WriteSupportPlan", plan));
        assertThat(plan).isWaitingAt("Timer_PlanReviewDue");
        String oldVersion = definitionOf(review);
        Date reviewDue = task(ReferralProcess.TASK_DSL_REVIEW, review).getDueDate();
        Date untouchedAt = timer(review, "Timer_DslReviewUntouched").getDuedate();
        Date chaseAt = timer(feedback, "Timer_ChaseFeedback").getDuedate();
        Date planReviewAt = timer(plan, "Timer_PlanReviewDue").getDuedate();
        String feedbackTask = task("Task_RecordAgencyFeedback", feedback).getId();

        // the new model is deployed and the application starts
        deploy("processes/referral.bpmn", "processes/referral-handover.dmn");
        ProcessInstance startedOnTheNewModel = raise(5, "safeguarding");
        ModelUpgrades atStartUp = new ModelUpgrades(engine.getProcessEngine());
        assertThat(atStartUp.moveToNewest(ReferralProcess.KEY, "Task_HandOverAfterDslReview")).isEqualTo(4);
        for (ProcessInstance pi : List.of(review, claimedReview, feedback, plan)) {
            assertThat(definitionOf(pi)).isNotEqualTo(oldVersion).isEqualTo(definitionOf(startedOnTheNewModel));
        }
        assertThat(task(ReferralProcess.TASK_DSL_REVIEW, review).getDueDate()).isEqualTo(reviewDue);
        assertThat(timer(review, "Timer_DslReviewUntouched").getDuedate()).isEqualTo(untouchedAt);
        assertThat(task(ReferralProcess.TASK_DSL_REVIEW, claimedReview)).isAssignedTo("dsl-deputy");
        assertThat(task("Task_RecordAgencyFeedback", feedback).getId()).isEqualTo(feedbackTask);
        assertThat(timer(feedback, "Timer_ChaseFeedback").getDuedate()).isEqualTo(chaseAt);
        assertThat(timer(plan, "Timer_PlanReviewDue").getDuedate()).isEqualTo(planReviewAt);
        // the next start has nothing to do
        assertThat(atStartUp.moveToNewest(ReferralProcess.KEY, "Task_HandOverAfterDslReview")).isZero();

        // each goes on through the new model, the forms sending only their decision
        complete(task(ReferralProcess.TASK_DSL_REVIEW, review), withVariables(ReferralProcess.DSL_DECISION, "pastoral-support"));
        assertThat(review).hasPassed("Task_HandOverAfterDslReview").isWaitingAt("Task_WriteSupportPlan");
        assertThat(task("Task_WriteSupportPlan", review)).hasCandidateGroup("pso");

        managementService().executeJob(timer(claimedReview, "Timer_DslReviewUntouched").getId());
        assertThat(claimedReview).hasPassed("End_ReviewPickedUp").hasNotPassed("Task_EscalateReview");
        assertThat(escalate.calls()).isZero();

        complete(task("Task_RecordAgencyFeedback", feedback), withVariables(ReferralProcess.FEEDBACK_OUTCOME, "support-in-school"));
        assertThat(task("Task_WriteSupportPlan", feedback)).hasCandidateGroup("pso");

        managementService().executeJob(timer(plan, "Timer_PlanReviewDue").getId());
        assertThat(task("Task_ReviewPlan", plan)).hasCandidateGroup("senco");
        complete(task("Task_ReviewPlan", plan), withVariables(ReferralProcess.REVIEW_DECISION, "step-up-external"));
        assertThat(task("Task_RecordExternalReferral", plan)).hasCandidateGroup("senco");

        assertThat(handedOnTo).containsExactly("pso", "pso", "senco");
    }

    @Test
    void anOldFileDeployedAgainAsTheNewestIsNotWhereCasesAreMoved() {
        deploy("processes-before-issue-19/referral.bpmn", "processes/referral-routing.dmn", "processes/referral-handover.dmn");
        ProcessInstance old = raise(1, "safeguarding");
        deploy("processes/referral.bpmn");
        String drivable = repositoryService().createProcessDefinitionQuery().processDefinitionKey(ReferralProcess.KEY).latestVersion()
                .singleResult().getId();
        // a school puts the old file back as the newest version (a restore, or an upload from its own version control)
        deploy("processes-before-issue-19/referral.bpmn");
        ProcessInstance startedOnTheRestoredFile = raise(2, "safeguarding");

        assertThat(new ModelUpgrades(engine.getProcessEngine()).moveToNewest(ReferralProcess.KEY, "Task_HandOverAfterDslReview"))
                .isEqualTo(2);
        assertThat(definitionOf(old)).isEqualTo(drivable);
        assertThat(definitionOf(startedOnTheRestoredFile)).isEqualTo(drivable);
    }

    @Test
    void versionsThatHaveTheHandOverAreLeftAlone() {
        deploy("processes/referral.bpmn", "processes/referral-routing.dmn", "processes/referral-handover.dmn");
        ProcessInstance first = raise(1, "welfare");
        String firstVersion = definitionOf(first);
        // a later edit of the model, a school's say: instances of the earlier version carry on with it
        deploy("processes/referral.bpmn");
        assertThat(repositoryService().createProcessDefinitionQuery().processDefinitionKey(ReferralProcess.KEY).latestVersion()
                .singleResult().getId()).isNotEqualTo(firstVersion);
        assertThat(new ModelUpgrades(engine.getProcessEngine()).moveToNewest(ReferralProcess.KEY, "Task_HandOverAfterDslReview"))
                .isZero();
        assertThat(definitionOf(first)).isEqualTo(firstVersion);
    }
}
