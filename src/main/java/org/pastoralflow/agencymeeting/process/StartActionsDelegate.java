package org.pastoralflow.agencymeeting.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.agencymeeting.AgencyMeetingProcess;
import org.pastoralflow.agencymeeting.AgencyMeetingSteps;
import org.springframework.stereotype.Component;

/** "Set the agreed actions going": one agency-action workflow per action of the meeting just recorded. */
@Component("agencyMeetingStartActions")
public class StartActionsDelegate implements JavaDelegate {

    private final AgencyMeetingSteps steps;

    public StartActionsDelegate(AgencyMeetingSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.startActions((Long) execution.getVariable(AgencyMeetingProcess.MEETING_ID));
    }
}
