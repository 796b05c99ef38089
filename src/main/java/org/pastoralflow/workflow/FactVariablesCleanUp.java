package org.pastoralflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.NativeHistoricVariableInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes out of the engine's history the facts about children that the models kept as process
 * variables before issue 13 (a CP plan, looked after, an EHCP, anxiety, a young carer, the primary's
 * recommendation, a CP file expected or held, a referral's category, a safeguarding incident). The
 * models now read such facts from the case store into transient variables; what the engine holds is
 * ids, references and routing codes. Without this, {@code ACT_HI_VARINST} would keep the old values
 * for years after retention has destroyed the records they came from.
 * <p>
 * It runs at every start, after the engine is up, and is cheap once done: per model, one look for
 * the names among running variables and one count on the history's variable name index. It is not a Flyway migration because Flyway runs before the engine, and on a
 * fresh database the engine's tables do not exist until the engine creates them; and the rows go
 * through {@link HistoryService#deleteHistoricVariableInstance}, which also removes the values the
 * engine keeps elsewhere (byte arrays).
 * <p>
 * Instances still running lose theirs too, first ({@link RunningFactVariables}): a transition on an
 * older version of its model is moved to the newest version before, because older versions read the
 * facts later in the flow and the application no longer writes them into the engine; one the engine
 * refuses to move keeps its variables until it ends, and is cleaned at the first start after. Nothing
 * here fails the start: a school needs its workflows more than this clean-up, which is tried again at
 * the next start.
 */
@Component
class FactVariablesCleanUp implements ApplicationRunner {

    /** By process key: the variables older versions of the model kept that the current one does not. */
    static final Map<String, List<String>> RETIRED = Map.of(
            "transition", List.of("ehcp", "inCare", "cpPlan", "anxiety", "youngCarer", "primaryRecommends", "cpFileExpected"),
            "leaver", List.of("hasCpFile"),
            "referral", List.of("category"),
            "investigation", List.of("safeguarding"));

    /**
     * The models whose older versions read their retired variables after the first wait state: their
     * running instances are moved to the newest version before they lose them.
     */
    static final Set<String> MOVED_TO_NEWEST = Set.of("transition");

    private static final Logger log = LoggerFactory.getLogger(FactVariablesCleanUp.class);
    private static final int PAGE = 500;

    private final HistoryService history;
    private final ManagementService management;
    private final RunningFactVariables running;
    private final Map<String, List<String>> retired;
    private final Set<String> moved;

    @Autowired
    FactVariablesCleanUp(ProcessEngine engine, PlatformTransactionManager transactions) {
        this(engine, new TransactionTemplate(transactions), RETIRED, MOVED_TO_NEWEST);
    }

    FactVariablesCleanUp(ProcessEngine engine, TransactionOperations transaction, Map<String, List<String>> retired,
                         Set<String> moved) {
        this.history = engine.getHistoryService();
        this.management = engine.getManagementService();
        this.running = new RunningFactVariables(engine, transaction);
        this.retired = retired;
        this.moved = moved;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            removeFromRunningInstances();
            cleanUp();
        } catch (RuntimeException e) {
            log.error("Could not take retired fact variables out of the engine's history; tried again at the next start", e);
        }
    }

    /** Returns how many running instances lost their retired variables (and were moved, where needed). */
    int removeFromRunningInstances() {
        int done = 0;
        for (Map.Entry<String, List<String>> model : retired.entrySet()) {
            done += running.remove(model.getKey(), model.getValue(), moved.contains(model.getKey()));
        }
        if (done > 0) {
            log.info("Took the retired fact variables out of {} running workflows", done);
        }
        return done;
    }

    /** Deletes the retired variables of every ended instance; returns how many history rows went. */
    int cleanUp() {
        int deleted = 0;
        for (Map.Entry<String, List<String>> model : retired.entrySet()) {
            deleted += cleanUp(model.getKey(), model.getValue());
        }
        if (deleted > 0) {
            log.info("Took {} retired fact variables of ended workflows out of the engine's history", deleted);
        }
        return deleted;
    }

    private int cleanUp(String processKey, List<String> names) {
        if (history.createHistoricVariableInstanceQuery().processDefinitionKey(processKey)
                .variableNameIn(names.toArray(String[]::new)).includeDeleted().count() == 0) {
            return 0;
        }
        int deleted = 0;
        while (true) {
            List<HistoricVariableInstance> page = ofEndedInstances(processKey, names).listPage(0, PAGE);
            int before = deleted;
            for (HistoricVariableInstance v : page) {
                try {
                    history.deleteHistoricVariableInstance(v.getId());
                    deleted++;
                } catch (ProcessEngineException e) {
                    // another node starting at the same time deleted it first
                    log.warn("Retired variable {} of {} not deleted: {}", v.getName(), v.getProcessInstanceId(), e.getMessage());
                }
            }
            if (page.size() < PAGE || deleted == before) {
                return deleted;
            }
        }
    }

    /** The retired variables of the model's instances that have ended, whatever state the variable is in. */
    private NativeHistoricVariableInstanceQuery ofEndedInstances(String processKey, List<String> names) {
        List<String> params = IntStream.range(0, names.size()).mapToObj(i -> "#{name" + i + "}").toList();
        NativeHistoricVariableInstanceQuery query = history.createNativeHistoricVariableInstanceQuery().sql(
                "select v.* from " + management.getTableName(HistoricVariableInstance.class) + " v join "
                        + management.getTableName(HistoricProcessInstance.class) + " p on p.ID_ = v.PROC_INST_ID_"
                        + " where p.END_TIME_ is not null and p.PROC_DEF_KEY_ = #{processKey}"
                        + " and v.NAME_ in (" + String.join(", ", params) + ")")
                .parameter("processKey", processKey);
        for (int i = 0; i < names.size(); i++) {
            query.parameter("name" + i, names.get(i));
        }
        return query;
    }
}
