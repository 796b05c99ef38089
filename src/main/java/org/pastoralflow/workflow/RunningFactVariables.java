package org.pastoralflow.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The retired fact variables of instances still running (see {@link FactVariablesCleanUp}): each
 * instance loses them in a transaction of its own, running and history rows alike.
 * <p>
 * Most models read their fact only in the transaction that started the instance (the leaver's CP
 * file check, the referral's routing table, the investigation's first task: true of every version
 * of those models in the repository), so a running instance no longer needs it and loses it as it
 * is. Older versions of a model named in {@code moved} read their facts later: the old transition
 * model's triage table reads the primary's answers when its form is completed, and its withdrawal
 * gateway reads whether a CP file was expected, values the application no longer writes into the
 * engine. Such an instance is first moved to the newest version of its model with the engine's
 * migration (every activity mapped to the one of the same id), which reads those facts from the case
 * store; then it loses them. If the engine refuses to move one, it stays on its version with its
 * facts, which are cleaned from history after it ends.
 */
class RunningFactVariables {

    private static final Logger log = LoggerFactory.getLogger(RunningFactVariables.class);
    private static final int PAGE = 500;

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final TransactionOperations transaction;

    RunningFactVariables(ProcessEngine engine, TransactionOperations transaction) {
        this.runtime = engine.getRuntimeService();
        this.history = engine.getHistoryService();
        this.repository = engine.getRepositoryService();
        this.transaction = transaction;
    }

    /** Returns how many running instances lost their retired variables. */
    int remove(String processKey, List<String> names, boolean moveToNewest) {
        List<ProcessInstance> holding = instancesHolding(processKey, names);
        if (holding.isEmpty()) {
            return 0;
        }
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult();
        Map<String, MigrationPlan> plans = new HashMap<>();
        int done = 0;
        for (ProcessInstance instance : holding) {
            boolean move = moveToNewest && !instance.getProcessDefinitionId().equals(newest.getId());
            try {
                transaction.executeWithoutResult(status -> {
                    if (move) {
                        runtime.newMigration(plans.computeIfAbsent(instance.getProcessDefinitionId(), from -> runtime
                                .createMigrationPlan(from, newest.getId()).mapEqualActivities().build()))
                                .processInstanceIds(instance.getId()).execute();
                    }
                    strip(instance.getId(), names);
                });
                done++;
            } catch (RuntimeException e) {
                log.warn("{} {} keeps its retired variables until it ends: {}", processKey, instance.getBusinessKey(),
                        e.getMessage());
            }
        }
        return done;
    }

    /** The running instances of the model that hold one of the names, whatever version they run on. */
    private List<ProcessInstance> instancesHolding(String processKey, List<String> names) {
        Set<String> instances = new LinkedHashSet<>();
        String[] n = names.toArray(String[]::new);
        for (int from = 0; ; from += PAGE) {
            List<VariableInstance> page = runtime.createVariableInstanceQuery().variableNameIn(n).disableBinaryFetching()
                    .disableCustomObjectDeserialization().listPage(from, PAGE);
            page.forEach(v -> instances.add(v.getProcessInstanceId()));
            if (page.size() < PAGE) {
                break;
            }
        }
        instances.remove(null);
        List<ProcessInstance> ofModel = new ArrayList<>();
        List<String> all = new ArrayList<>(instances);
        // in slices, so that a first start with thousands of them stays inside the database's parameter limit
        for (int from = 0; from < all.size(); from += PAGE) {
            ofModel.addAll(runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceIds(Set.copyOf(all.subList(from, Math.min(all.size(), from + PAGE)))).list());
        }
        return ofModel;
    }

    private void strip(String processInstanceId, List<String> names) {
        String[] n = names.toArray(String[]::new);
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId).variableNameIn(n)
                .disableBinaryFetching().list()) {
            runtime.removeVariableLocal(v.getExecutionId(), v.getName());
        }
        for (HistoricVariableInstance h : history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableNameIn(n).includeDeleted().disableBinaryFetching().list()) {
            history.deleteHistoricVariableInstance(h.getId());
        }
    }
}
