package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationService;
import org.springframework.stereotype.Component;

/** "Start restorative mediation". */
@Component("startMediationFromIncident")
public class StartMediationDelegate implements JavaDelegate {

    private final InvestigationService investigations;

    public StartMediationDelegate(InvestigationService investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.startMediation((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
