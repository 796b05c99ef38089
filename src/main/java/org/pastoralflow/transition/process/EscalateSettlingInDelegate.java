package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSteps;
import org.springframework.stereotype.Component;

/** "Tell the Pastoral Lead: the settling-in review is late". */
@Component("escalateSettlingIn")
public class EscalateSettlingInDelegate implements JavaDelegate {

    private final TransitionSteps transitions;

    public EscalateSettlingInDelegate(TransitionSteps transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.escalateSettlingIn(id(execution));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(TransitionProcess.TRANSITION_ID);
    }
}
