package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.LeaverProcess;
import org.pastoralflow.transition.LeaverService;
import org.springframework.stereotype.Component;

/** "Escalate: no confirmation of receipt". */
@Component("escalateMissingReceipt")
public class EscalateMissingReceiptDelegate implements JavaDelegate {

    private final LeaverService leavers;

    public EscalateMissingReceiptDelegate(LeaverService leavers) {
        this.leavers = leavers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leavers.escalateMissingReceipt(id(execution));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(LeaverProcess.LEAVER_ID);
    }
}
