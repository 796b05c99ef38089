package org.pastoralflow.suspension.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pastoralflow.suspension.SuspensionProcess;
import org.pastoralflow.suspension.SuspensionSteps;
import org.springframework.stereotype.Component;

/**
 * "Count this term's suspension days". Who else is told goes to the gateways as transient
 * variables, read in this transaction (no wait state before them) and never kept by the engine:
 * they would say the pupil is looked after, or how often suspended. The return time is kept: the
 * reintegration meeting's due date and reminder wait on it.
 */
@Component("countSuspensionDays")
public class CountSuspensionDaysDelegate implements JavaDelegate {

    private final SuspensionSteps steps;

    public CountSuspensionDaysDelegate(SuspensionSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SuspensionSteps.Routing r = steps.count((Long) execution.getVariable(SuspensionProcess.SUSPENSION_ID));
        execution.setVariable(SuspensionProcess.TELL_GOVERNORS, Variables.booleanValue(r.tellGovernors(), true));
        execution.setVariable(SuspensionProcess.CONSIDER_REINSTATEMENT, Variables.booleanValue(r.considerReinstatement(), true));
        execution.setVariable(SuspensionProcess.TELL_VIRTUAL_SCHOOL, Variables.booleanValue(r.tellVirtualSchool(), true));
        execution.setVariable(SuspensionProcess.RETURN_AT, r.returnAt());
        execution.setVariable(SuspensionProcess.REMIND_AT, r.remindAt());
    }
}
