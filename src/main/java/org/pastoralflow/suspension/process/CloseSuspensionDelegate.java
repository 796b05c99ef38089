package org.pastoralflow.suspension.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.suspension.SuspensionProcess;
import org.pastoralflow.suspension.SuspensionSteps;
import org.springframework.stereotype.Component;

/** "Close the suspension". */
@Component("closeSuspension")
public class CloseSuspensionDelegate implements JavaDelegate {

    private final SuspensionSteps steps;

    public CloseSuspensionDelegate(SuspensionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.close((Long) execution.getVariable(SuspensionProcess.SUSPENSION_ID));
    }
}
