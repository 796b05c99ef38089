package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationSteps;
import org.springframework.stereotype.Component;

/** "Add the incident to each student's case file". */
@Component("addIncidentToCaseFiles")
public class AddIncidentToCaseFilesDelegate implements JavaDelegate {

    private final InvestigationSteps investigations;

    public AddIncidentToCaseFilesDelegate(InvestigationSteps investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.addToCaseFiles((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
