package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationSteps;
import org.springframework.stereotype.Component;

/** "Close the investigation". */
@Component("closeInvestigation")
public class CloseInvestigationDelegate implements JavaDelegate {

    private final InvestigationSteps investigations;

    public CloseInvestigationDelegate(InvestigationSteps investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.close((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
