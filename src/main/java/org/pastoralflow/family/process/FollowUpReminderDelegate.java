package org.pastoralflow.family.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.family.ContactFollowUpProcess;
import org.pastoralflow.family.OverdueFollowUps;
import org.springframework.stereotype.Component;

/** "Remind the writer" (contact-follow-up.bpmn). */
@Component("contactFollowUpReminder")
public class FollowUpReminderDelegate implements JavaDelegate {

    private final OverdueFollowUps overdue;

    public FollowUpReminderDelegate(OverdueFollowUps overdue) {
        this.overdue = overdue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdue.remind((Long) execution.getVariable(ContactFollowUpProcess.CONTACT_LOG_ID));
    }
}
