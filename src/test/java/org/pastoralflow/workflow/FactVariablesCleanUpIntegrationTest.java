package org.pastoralflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.pastoralflow.support.PostgresIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The start-up clean-up of issue 13 on PostgreSQL, in the application's engine: a small model that
 * keeps facts the way the models did before (as process variables), run to its end, loses them from
 * history, variables removed before the end included; its other variables stay; an instance still
 * running keeps its facts until it has ended; a second run finds nothing to do.
 */
@PostgresIntegrationTest
class FactVariablesCleanUpIntegrationTest {

    static final String KEY = "factsKeptTheOldWay";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
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
    void factsOfEndedInstancesLeaveTheHistoryAndEverythingElseStays() {
        deploy();
        FactVariablesCleanUp cleanUp = new FactVariablesCleanUp(history, management, Map.of(KEY, List.of("cpPlan", "category",
                "anxiety")));
        ProcessInstance ended = started("F-ENDED"), running = started("F-RUNNING"), removedFirst = started("F-REMOVED");
        end(ended);
        runtime.setVariable(removedFirst.getId(), "anxiety", true);
        runtime.removeVariable(removedFirst.getId(), "anxiety");
        end(removedFirst);
        assertThat(kept(ended)).containsExactly("category", "cpPlan", "reference");
        assertThat(kept(removedFirst)).containsExactly("anxiety", "category", "cpPlan", "reference");

        assertThat(cleanUp.cleanUp()).isEqualTo(5);
        assertThat(kept(ended)).containsExactly("reference");
        assertThat(kept(removedFirst)).containsExactly("reference");
        // its old model may still read them: kept until it ends
        assertThat(kept(running)).containsExactly("category", "cpPlan", "reference");
        assertThat(runtime.getVariables(running.getId())).containsEntry("cpPlan", true);
        assertThat(cleanUp.cleanUp()).isZero();

        end(running);
        assertThat(cleanUp.cleanUp()).isEqualTo(2);
        assertThat(kept(running)).containsExactly("reference");
        assertThat(cleanUp.cleanUp()).isZero();
    }

    @Test
    void theApplicationRunsTheCleanUpOfTheRetiredVariablesOfItsOwnModels() {
        assertThat(FactVariablesCleanUp.RETIRED).containsOnlyKeys("transition", "leaver", "referral", "investigation");
        assertThat(FactVariablesCleanUp.RETIRED.values().stream().flatMap(List::stream)).containsExactlyInAnyOrder("ehcp",
                "inCare", "cpPlan", "anxiety", "youngCarer", "primaryRecommends", "cpFileExpected", "hasCpFile", "category",
                "safeguarding");
        // it ran when the application started; nothing of the application's models is left to clean
        assertThat(atStartUp.cleanUp()).isZero();
    }
}
