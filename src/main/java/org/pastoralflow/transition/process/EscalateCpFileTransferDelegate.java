package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.LeaverProcess;
import org.pastoralflow.transition.LeaverService;
import org.springframework.stereotype.Component;

/** "Escalate to the DSLs and the Headteacher: the CP file is not transferred in time". */
@Component("escalateCpFileTransfer")
public class EscalateCpFileTransferDelegate implements JavaDelegate {

    private final LeaverService leavers;

    public EscalateCpFileTransferDelegate(LeaverService leavers) {
        this.leavers = leavers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        leavers.escalateTransfer(id(execution));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(LeaverProcess.LEAVER_ID);
    }
}
