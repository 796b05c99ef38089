package org.pastoralflow.family.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.family.ContactFollowUpProcess;
import org.pastoralflow.family.OverdueFollowUps;
import org.springframework.stereotype.Component;

/** "Put it on the Pastoral Lead's list" (contact-follow-up.bpmn). */
@Component("contactFollowUpLate")
public class FollowUpLateDelegate implements JavaDelegate {

    private final OverdueFollowUps overdue;

    public FollowUpLateDelegate(OverdueFollowUps overdue) {
        this.overdue = overdue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdue.escalate((Long) execution.getVariable(ContactFollowUpProcess.CONTACT_LOG_ID));
    }
}
