package org.pastoralflow.investigation.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.investigation.InvestigationProcess;
import org.pastoralflow.investigation.InvestigationSteps;
import org.springframework.stereotype.Component;

/** "Refer the target for support". */
@Component("referTargetForSupport")
public class ReferTargetForSupportDelegate implements JavaDelegate {

    private final InvestigationSteps investigations;

    public ReferTargetForSupportDelegate(InvestigationSteps investigations) {
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        investigations.referTargetsForSupport((Long) execution.getVariable(InvestigationProcess.INCIDENT_ID));
    }
}
