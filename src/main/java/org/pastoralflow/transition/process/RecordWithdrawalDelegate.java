package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSteps;
import org.springframework.stereotype.Component;

/**
 * "Record the withdrawal", and whether a child protection file was expected, for the gateway right
 * after: a transient variable, so the engine never stores that the child has one.
 */
@Component("recordWithdrawal")
public class RecordWithdrawalDelegate implements JavaDelegate {

    private final TransitionSteps transitions;

    public RecordWithdrawalDelegate(TransitionSteps transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long id = (Long) execution.getVariable(TransitionProcess.TRANSITION_ID);
        transitions.recordWithdrawal(id);
        execution.setVariable(TransitionProcess.CP_FILE_TO_DEAL_WITH,
                Variables.booleanValue(transitions.transition(id).isCpFileExpected(), true));
    }
}
