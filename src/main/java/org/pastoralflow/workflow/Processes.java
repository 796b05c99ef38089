package org.pastoralflow.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Starts and inspects process instances for the feature services. */
@Component
public class Processes {

    private final RuntimeService runtime;

    public Processes(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts a process with its record's reference as business key; joins the caller's transaction. */
    public String start(String processKey, String reference, Map<String, Object> variables) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, reference, variables);
        return instance.getId();
    }

    /**
     * The same, with facts a routing table needs before the first wait state (a referral's category,
     * say): they are given to the engine as transient variables, used in this transaction and never
     * written to its tables or its history. The record in the case store keeps them.
     */
    public String start(String processKey, String reference, Map<String, Object> variables, Map<String, Object> facts) {
        VariableMap all = Variables.fromMap(variables);
        facts.forEach((name, value) -> all.putValueTyped(name, Variables.untypedValue(value, true)));
        return runtime.startProcessInstanceByKey(processKey, reference, all).getId();
    }

    /** Starts the process whose start event waits for this message, e.g. a second way into a workflow. */
    public String startByMessage(String messageName, String reference, Map<String, Object> variables) {
        return runtime.startProcessInstanceByMessage(messageName, reference, variables).getId();
    }

    /**
     * Delivers a message to one running instance. Process variables are set on the instance; scope
     * variables only in the scope the message triggers (an event sub-process, say), so two messages
     * in a row do not overwrite each other's payload.
     */
    public void correlate(String messageName, String processInstanceId, Map<String, Object> processVariables,
                          Map<String, Object> scopeVariables) {
        runtime.createMessageCorrelation(messageName).processInstanceId(processInstanceId)
                .setVariables(processVariables).setVariablesToTriggeredScope(scopeVariables).correlateWithResult();
    }

    public void setVariables(String processInstanceId, Map<String, Object> variables) {
        runtime.setVariables(processInstanceId, variables);
    }

    public boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
