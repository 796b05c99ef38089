package org.pastoralflow.homevisit.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.homevisit.HomeVisitProcess;
import org.pastoralflow.homevisit.HomeVisitSteps;
import org.springframework.stereotype.Component;

/** "Alert again, and SLT". */
@Component("homeVisitAlertAgain")
public class AlertAgainDelegate implements JavaDelegate {

    private final HomeVisitSteps steps;

    public AlertAgainDelegate(HomeVisitSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.alertAgain((Long) execution.getVariable(HomeVisitProcess.VISIT_ID));
    }
}
