package org.pastoralflow.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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

    /** Starts the process whose start event waits for this message, e.g. a second way into a workflow. */
    public String startByMessage(String messageName, String reference, Map<String, Object> variables) {
        return runtime.startProcessInstanceByMessage(messageName, reference, variables).getId();
    }

    public boolean isRunning(String processInstanceId) {
        return processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }
}
