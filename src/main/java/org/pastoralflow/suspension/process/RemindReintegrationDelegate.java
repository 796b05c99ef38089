package org.pastoralflow.suspension.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.suspension.SuspensionProcess;
import org.pastoralflow.suspension.SuspensionSteps;
import org.springframework.stereotype.Component;

/** "Remind the pastoral team": the pupil is back on the next school day. */
@Component("remindReintegration")
public class RemindReintegrationDelegate implements JavaDelegate {

    private final SuspensionSteps steps;

    public RemindReintegrationDelegate(SuspensionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.remindReintegration((Long) execution.getVariable(SuspensionProcess.SUSPENSION_ID));
    }
}
