package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionService;
import org.springframework.stereotype.Component;

/** "Record the withdrawal". */
@Component("recordWithdrawal")
public class RecordWithdrawalDelegate implements JavaDelegate {

    private final TransitionService transitions;

    public RecordWithdrawalDelegate(TransitionService transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.recordWithdrawal(id(execution));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(TransitionProcess.TRANSITION_ID);
    }
}
