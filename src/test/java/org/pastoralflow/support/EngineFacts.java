package org.pastoralflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;

/**
 * The check of issue 13 for process tests: the engine holds no variable named like a fact about a
 * child, neither on a running instance nor in history (a deleted variable's row included), nor as a
 * recorded change of one when the history level records changes.
 */
public final class EngineFacts {

    private EngineFacts() {
    }

    public static void assertNoneHeld(ProcessEngine engine, List<String> names) {
        String[] n = names.toArray(String[]::new);
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableNameIn(n).list())
                .as("running variables named like facts").isEmpty();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableNameIn(n).includeDeleted().list())
                .as("historic variables named like facts").isEmpty();
        for (String name : names) {
            assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().variableName(name).count())
                    .as("history of %s", name).isZero();
        }
        List<HistoricDetail> changes = engine.getHistoryService().createHistoricDetailQuery().variableUpdates().list();
        assertThat(changes).as("recorded changes of variables named like facts")
                .noneMatch(d -> names.contains(((HistoricVariableUpdate) d).getVariableName()));
    }
}
