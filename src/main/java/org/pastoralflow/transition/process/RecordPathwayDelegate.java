package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSteps;
import org.springframework.stereotype.Component;

/** "Record the pathway: what the triage table decided". */
@Component("recordPathway")
public class RecordPathwayDelegate implements JavaDelegate {

    private final TransitionSteps transitions;

    public RecordPathwayDelegate(TransitionSteps transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        transitions.recordPathway(id(execution), (String) execution.getVariable(TransitionProcess.PATHWAY));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(TransitionProcess.TRANSITION_ID);
    }
}
