package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSteps;
import org.springframework.stereotype.Component;

/** "Escalate to the DSLs and the Headteacher: the CP file is past its KCSIE deadline". */
@Component("escalateCpFile")
public class EscalateCpFileDelegate implements JavaDelegate {

    private final TransitionSteps transitions;

    public EscalateCpFileDelegate(TransitionSteps transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.escalateCpFile(id(execution));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(TransitionProcess.TRANSITION_ID);
    }
}
