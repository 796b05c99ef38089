package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pastoralflow.transition.LeaverProcess;
import org.pastoralflow.transition.LeaverService;
import org.springframework.stereotype.Component;

/**
 * "Check for a child protection file". The answer is a transient variable for the gateway right
 * after it (no wait state in between): the leaver record keeps it, the engine does not.
 */
@Component("checkChildProtectionFile")
public class CheckChildProtectionFileDelegate implements JavaDelegate {

    private final LeaverService leavers;

    public CheckChildProtectionFileDelegate(LeaverService leavers) {
        this.leavers = leavers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean hasCpFile = leavers.checkChildProtectionFile(id(execution));
        execution.setVariable(LeaverProcess.HAS_CP_FILE, Variables.booleanValue(hasCpFile, true));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(LeaverProcess.LEAVER_ID);
    }
}
