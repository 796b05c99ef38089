package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationSteps;
import org.springframework.stereotype.Component;

/** "Refer to the DSL". */
@Component("referIncidentToDsl")
public class ReferIncidentToDslDelegate implements JavaDelegate {

    private final InvestigationSteps investigations;

    public ReferIncidentToDslDelegate(InvestigationSteps investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.referToDsl((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
