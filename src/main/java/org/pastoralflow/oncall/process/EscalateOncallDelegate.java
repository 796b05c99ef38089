package org.pastoralflow.oncall.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.oncall.OncallProcess;
import org.pastoralflow.oncall.OncallService;
import org.springframework.stereotype.Component;

/** "Escalate to SLT". */
@Component("escalateOncall")
public class EscalateOncallDelegate implements JavaDelegate {

    private final OncallService oncall;

    public EscalateOncallDelegate(OncallService oncall) {
        this.oncall = oncall;
    }

    @Override
    public void execute(DelegateExecution execution) {
        oncall.escalateUnclaimed((Long) execution.getVariable(OncallProcess.CALL_ID), execution.getProcessInstanceId());
    }
}
