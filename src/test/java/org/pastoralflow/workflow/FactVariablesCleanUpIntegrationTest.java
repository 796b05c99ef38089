package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start-up clean-up of issue 13 on PostgreSQL, in the application's engine: a small model that
 * keeps facts the way the models did before (as process variables, read only at its start like the
 * leaver, referral and investigation models): an instance that has ended loses them from history,
 * variables removed before the end included; an instance still running loses them from its
 * variables and history and carries on; other variables stay; a second run finds nothing to do.
 * (Older transitions, which are moved to the new model first: FactVariablesOfOlderVersionsTest.)
 */
@PostgresIntegrationTest
class FactVariablesCleanUpIntegrationTest {

    static final String KEY = "factsKeptTheOldWay";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ProcessEngine engine;
    @Autowired PlatformTransactionManager transactions;
    @Autowired FactVariablesCleanUp atStartUp;

    void deploy() {
        repository.createDeployment().addModelInstance(KEY + ".bpmn", Bpmn.createExecutableProcess(KEY)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Review").endEvent().done())
                .enableDuplicateFiltering(true).deploy();
    }

    ProcessInstance started(String reference) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("reference", reference);
        vars.put("cpPlan", true);
        vars.put("category", "safeguarding");
        return runtime.startProcessInstanceByKey(KEY, reference, vars);
    }

    void end(ProcessInstance pi) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId());
    }

    List<String> kept(ProcessInstance pi) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).includeDeleted().list().stream()
                .map(HistoricVariableInstance::getName).sorted().toList();
    }

    @Test
    void factsLeaveTheEngineAndEverythingElseStays() {
        deploy();
        FactVariablesCleanUp cleanUp = new FactVariablesCleanUp(engine, new TransactionTemplate(transactions),
                Map.of(KEY, List.of("cpPlan", "category", "anxiety")), Set.of());
        ProcessInstance ended = started("F-ENDED"), running = started("F-RUNNING"), removedFirst = started("F-REMOVED");
        end(ended);
        runtime.setVariable(removedFirst.getId(), "anxiety", true);
        runtime.removeVariable(removedFirst.getId(), "anxiety");
        end(removedFirst);
        assertThat(kept(ended)).containsExactly("category", "cpPlan", "reference");
        assertThat(kept(removedFirst)).containsExactly("anxiety", "category", "cpPlan", "reference");

        assertThat(cleanUp.removeFromRunningInstances()).isEqualTo(1);
        assertThat(kept(running)).containsExactly("reference");
        assertThat(runtime.getVariables(running.getId())).containsOnlyKeys("reference");
        assertThat(kept(ended)).containsExactly("category", "cpPlan", "reference");

        assertThat(cleanUp.cleanUp()).isEqualTo(5);
        assertThat(kept(ended)).containsExactly("reference");
        assertThat(kept(removedFirst)).containsExactly("reference");
        assertThat(cleanUp.removeFromRunningInstances()).isZero();
        assertThat(cleanUp.cleanUp()).isZero();

        end(running);
        assertThat(kept(running)).containsExactly("reference");
        assertThat(cleanUp.cleanUp()).isZero();
    }

    @Test
    void theApplicationRunsTheCleanUpOfTheRetiredVariablesOfItsOwnModels() {
        assertThat(FactVariablesCleanUp.RETIRED).containsOnlyKeys("transition", "leaver", "referral", "investigation");
        assertThat(FactVariablesCleanUp.RETIRED.values().stream().flatMap(List::stream)).containsExactlyInAnyOrder("ehcp",
                "inCare", "cpPlan", "anxiety", "youngCarer", "primaryRecommends", "cpFileExpected", "hasCpFile", "category",
                "safeguarding");
        assertThat(FactVariablesCleanUp.MOVED_TO_NEWEST).containsExactly("transition");
        // it ran when the application started; nothing of the application's models is left to clean
        assertThat(atStartUp.removeFromRunningInstances()).isZero();
        assertThat(atStartUp.cleanUp()).isZero();
    }
}
