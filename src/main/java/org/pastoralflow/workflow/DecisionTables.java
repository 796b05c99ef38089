package org.pastoralflow.workflow;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Asks a deployed decision table a question outside a process, so that a page can show what the
 * model will do with an answer before it is given (which decisions of a referral hand it to a group
 * that needs a handover note, say). The newest version is asked, as the models' business rule tasks
 * do. At the application's history level ("audit") the engine keeps no record of these evaluations.
 */
@Component
public class DecisionTables {

    private final DecisionService decisions;

    public DecisionTables(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** The single output of the one matching row, or null when no row matches or the row's output is empty. */
    public <T> T answer(String decisionKey, Map<String, Object> inputs) {
        return decisions.evaluateDecisionByKey(decisionKey).variables(inputs).evaluate().getSingleEntry();
    }
}
