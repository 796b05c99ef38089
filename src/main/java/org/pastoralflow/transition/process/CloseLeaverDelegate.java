package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.LeaverProcess;
import org.pastoralflow.transition.LeaverService;
import org.springframework.stereotype.Component;

/** "Close the leaver's record". */
@Component("closeLeaver")
public class CloseLeaverDelegate implements JavaDelegate {

    private final LeaverService leavers;

    public CloseLeaverDelegate(LeaverService leavers) {
        this.leavers = leavers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leavers.close(id(execution));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(LeaverProcess.LEAVER_ID);
    }
}
