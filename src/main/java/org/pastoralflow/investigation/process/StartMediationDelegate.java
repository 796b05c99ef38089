package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationSteps;
import org.springframework.stereotype.Component;

/** "Start restorative mediation". */
@Component("startMediationFromIncident")
public class StartMediationDelegate implements JavaDelegate {

    private final InvestigationSteps investigations;

    public StartMediationDelegate(InvestigationSteps investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.startMediation((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
