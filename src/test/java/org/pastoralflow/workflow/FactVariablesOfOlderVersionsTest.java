package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.pastoralflow.support.EngineFacts;
import org.pastoralflow.support.ProcessTestEngine;
import org.pastoralflow.support.RecordingDelegate;
import org.pastoralflow.transition.Transition;
import org.pastoralflow.transition.TransitionCalendar;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSettings;
import org.pastoralflow.transition.process.TransitionDates;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The upgrade of issue 13 on a real engine (PostgreSQL): transitions started on the model as it was
 * before (processes-before-issue-13/transition.bpmn, facts kept as variables) are at every stage a
 * running transition can be in when the new model is deployed: waiting for the primary, with the CP
 * file expected and the DSL's task open, half-way through an enhanced transition (a parallel join
 * waiting), and ended. The start-up clean-up moves the running ones to the new version and takes
 * every fact out of the engine; each then goes on the way its record says, and the engine still
 * holds no fact.
 */
class FactVariablesOfOlderVersionsTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension
            .builder(ProcessTestEngine.configuration("olderversions")).build();

    /** What the old TransitionService wrote into the engine, and the new model's transient names. */
    static final List<String> FACTS = List.of("ehcp", "inCare", "cpPlan", "anxiety", "youngCarer", "primaryRecommends",
            "cpFileExpected", TransitionProcess.CP_FILE_TO_DEAL_WITH);

    /** "Read what the triage table needs", reading the records of this test by transition id. */
    static class ReadsTriageFacts implements JavaDelegate {
        final Map<Long, Set<String>> flags = new HashMap<>();

        @Override
        public void execute(DelegateExecution execution) {
            Set<String> on = flags.getOrDefault((Long) execution.getVariable(TransitionProcess.TRANSITION_ID), Set.of());
            for (String fact : FACTS.subList(0, 6)) {
                execution.setVariable(fact, Variables.booleanValue(on.contains(fact), true));
            }
        }
    }

    /** "Record the withdrawal", telling the gateway whether the record expects a CP file. */
    static class RecordsWithdrawal implements JavaDelegate {
        final Set<Long> cpFileExpected = new HashSet<>();

        @Override
        public void execute(DelegateExecution execution) {
            boolean expected = cpFileExpected.contains((Long) execution.getVariable(TransitionProcess.TRANSITION_ID));
            execution.setVariable(TransitionProcess.CP_FILE_TO_DEAL_WITH, Variables.booleanValue(expected, true));
        }
    }

    ReadsTriageFacts triageFacts = new ReadsTriageFacts();
    RecordsWithdrawal withdrawal = new RecordsWithdrawal();

    @BeforeEach
    void mocks() {
        BpmnAwareTests.init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2027, 3, 1, 9, 0).atZone(ProcessTestEngine.LONDON).toInstant()));
        Mocks.register("deadlines", ProcessTestEngine.deadlines());
        Mocks.register("transitionDates", new TransitionDates(() -> new TransitionCalendar(ProcessTestEngine.CALENDAR,
                new TransitionSettings(5, 10, 35, 5)), year -> LocalDate.of(year, 6, 25), new org.pastoralflow.workflow.SchoolClock(ProcessTestEngine.LONDON)));
        for (String delegate : List.of("requestPrimaryInformation", "chasePrimary", "recordPathway", "enrolInYear7",
                "escalateCpFile", "referTransitionConcern", "escalateSettlingIn", "closeTransition")) {
            Mocks.register(delegate, new RecordingDelegate());
        }
        Mocks.register("readTriageFacts", triageFacts);
        Mocks.register("recordWithdrawal", withdrawal);
    }

    @AfterEach
    void reset() {
        BpmnAwareTests.reset();
        Mocks.reset();
        ClockUtil.reset();
    }

    static String deploy(String resource) {
        return repositoryService().createDeployment().addClasspathResource(resource).deploy().getId();
    }

    /** As TransitionService started a transition before issue 13: the allocation list's flags as variables. */
    static ProcessInstance startedTheOldWay(long id, boolean cpPlan) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(TransitionProcess.TRANSITION_ID, id);
        vars.put(TransitionProcess.REFERENCE, "T27-0000" + id);
        vars.put(TransitionProcess.ENTRY_YEAR, 2027);
        FACTS.subList(0, 6).forEach(f -> vars.put(f, false));
        vars.put("cpPlan", cpPlan);
        vars.put("cpFileExpected", false);
        vars.put(TransitionProcess.PRIMARY_CHASED, false);
        vars.put(TransitionProcess.MISSED_TRANSITION_DAY, false);
        return runtimeService().startProcessInstanceByKey(TransitionProcess.KEY, "T27-0000" + id, vars);
    }

    static void withdrawn(ProcessInstance pi) {
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_WITHDRAWN).processInstanceId(pi.getId()).correlate();
    }

    static String definitionOf(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId();
    }

    static Date firstSeptemberTimer(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_FirstSeptember")
                .singleResult().getDuedate();
    }

    @Test
    void runningTransitionsOfTheOldModelAreMovedToTheNewOneAndEveryFactLeavesTheEngine() {
        deploy("processes/transition-triage.dmn");
        deploy("processes-before-issue-13/transition.bpmn");

        ProcessInstance waiting = startedTheOldWay(1, false);
        ProcessInstance cpFile = startedTheOldWay(2, true);
        runtimeService().setVariable(cpFile.getId(), "cpFileExpected", true);
        runtimeService().createMessageCorrelation(TransitionProcess.MESSAGE_CP_FILE_EXPECTED).processInstanceId(cpFile.getId()).correlate();
        String dslTask = task(TransitionProcess.TASK_CP_FILE, cpFile).getId();
        ProcessInstance halfEnhanced = startedTheOldWay(3, false);
        complete(task(TransitionProcess.TASK_PRIMARY_INFORMATION, halfEnhanced), withVariables("anxiety", true));
        complete(task(TransitionProcess.TASK_EXTRA_VISITS, halfEnhanced));
        ProcessInstance ended = startedTheOldWay(4, false);
        withdrawn(ended);
        assertThat(ended).isEnded();
        Date onRoll = firstSeptemberTimer(waiting);
        String oldVersion = definitionOf(waiting);
        // the check of every process test bites on the old way
        assertThatThrownBy(() -> EngineFacts.assertNoneHeld(engine.getProcessEngine(), FACTS)).isInstanceOf(AssertionError.class);

        // the new model is deployed and the application starts
        deploy("processes/transition.bpmn");
        FactVariablesCleanUp atStartUp = new FactVariablesCleanUp(engine.getProcessEngine(), TransactionOperations.withoutTransaction(),
                FactVariablesCleanUp.RETIRED, FactVariablesCleanUp.MOVED_TO_NEWEST);
        assertThat(atStartUp.removeFromRunningInstances()).isEqualTo(3);
        assertThat(atStartUp.cleanUp()).isEqualTo(7);
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), FACTS);
        for (ProcessInstance pi : List.of(waiting, cpFile, halfEnhanced)) {
            assertThat(definitionOf(pi)).isNotEqualTo(oldVersion);
            assertThat(repositoryService().getProcessDefinition(definitionOf(pi)).getVersion()).isEqualTo(2);
        }
        assertThat(firstSeptemberTimer(waiting)).isEqualTo(onRoll);
        assertThat(task(TransitionProcess.TASK_CP_FILE, cpFile).getId()).isEqualTo(dslTask);
        assertThat(atStartUp.removeFromRunningInstances()).isZero();
        assertThat(atStartUp.cleanUp()).isZero();

        // each goes on the way its record says, through the new model
        triageFacts.flags.put(1L, Set.of("anxiety"));
        complete(task(TransitionProcess.TASK_PRIMARY_INFORMATION, waiting));
        assertThat(waiting).hasPassed("Task_ReadTriageFacts").variables().containsEntry(TransitionProcess.PATHWAY, Transition.ENHANCED);
        withdrawal.cpFileExpected.add(2L);
        withdrawn(cpFile);
        assertThat(cpFile).isWaitingAt(TransitionProcess.TASK_CP_FILE_WITHDRAWN);
        complete(task(TransitionProcess.TASK_SENCO_MEETING, halfEnhanced));
        complete(task(TransitionProcess.TASK_PARENT_INTERVIEW, halfEnhanced));
        assertThat(halfEnhanced).hasPassed("Gateway_EnhancedJoin").isWaitingAt(TransitionProcess.TASK_INTERVIEW,
                TransitionProcess.EVENT_DAYS_RECORDED, "Timer_FirstSeptember");
        EngineFacts.assertNoneHeld(engine.getProcessEngine(), FACTS);
    }
}
