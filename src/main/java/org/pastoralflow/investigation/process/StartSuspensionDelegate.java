package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationSteps;
import org.springframework.stereotype.Component;

/** "Start the suspension" (suspension.bpmn) for each student the Headteacher approved one for. */
@Component("startSuspensionFromIncident")
public class StartSuspensionDelegate implements JavaDelegate {

    private final InvestigationSteps investigations;

    public StartSuspensionDelegate(InvestigationSteps investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.startSuspensions((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
