package org.pastoralflow.homevisit.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.homevisit.HomeVisitProcess;
import org.pastoralflow.homevisit.HomeVisitSteps;
import org.springframework.stereotype.Component;

/** "Alert on-call and the Pastoral Lead". */
@Component("homeVisitAlert")
public class AlertOverdueDelegate implements JavaDelegate {

    private final HomeVisitSteps steps;

    public AlertOverdueDelegate(HomeVisitSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.alertOverdue((Long) execution.getVariable(HomeVisitProcess.VISIT_ID));
    }
}
