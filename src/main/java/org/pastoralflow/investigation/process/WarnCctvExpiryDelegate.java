package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationSteps;
import org.springframework.stereotype.Component;

/** "Warn the investigator". */
@Component("warnCctvExpiry")
public class WarnCctvExpiryDelegate implements JavaDelegate {

    private final InvestigationSteps investigations;

    public WarnCctvExpiryDelegate(InvestigationSteps investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.warnCctvExpiry((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
