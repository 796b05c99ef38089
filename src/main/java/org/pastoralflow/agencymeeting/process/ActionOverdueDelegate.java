package org.pastoralflow.agencymeeting.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.agencymeeting.AgencyMeetingProcess;
import org.pastoralflow.agencymeeting.AgencyMeetingSteps;
import org.springframework.stereotype.Component;

/** "Tell the keeper it is overdue": an e-mail that names no child. */
@Component("agencyActionOverdue")
public class ActionOverdueDelegate implements JavaDelegate {

    private final AgencyMeetingSteps steps;

    public ActionOverdueDelegate(AgencyMeetingSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.tellActionOverdue((Long) execution.getVariable(AgencyMeetingProcess.ACTION_ID));
    }
}
