package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSteps;
import org.springframework.stereotype.Component;

/** "Refer the concern (the referral workflow)". */
@Component("referTransitionConcern")
public class ReferTransitionConcernDelegate implements JavaDelegate {

    private final TransitionSteps transitions;

    public ReferTransitionConcernDelegate(TransitionSteps transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.referConcern((Long) execution.getVariable(TransitionProcess.CONCERN_ID));
    }
}
