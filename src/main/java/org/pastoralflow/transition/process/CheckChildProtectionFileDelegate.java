package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.LeaverProcess;
import org.pastoralflow.transition.LeaverService;
import org.springframework.stereotype.Component;

/** "Check for a child protection file". */
@Component("checkChildProtectionFile")
public class CheckChildProtectionFileDelegate implements JavaDelegate {

    private final LeaverService leavers;

    public CheckChildProtectionFileDelegate(LeaverService leavers) {
        this.leavers = leavers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(LeaverProcess.HAS_CP_FILE, leavers.checkChildProtectionFile(id(execution)));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(LeaverProcess.LEAVER_ID);
    }
}
