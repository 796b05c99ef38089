package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.pastoralflow.transition.Transition;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSteps;
import org.springframework.stereotype.Component;

/**
 * "Read what the triage table needs": the flags of the transition record, as transient variables.
 * The business rule task right after reads them in this transaction (there is no wait state in
 * between); the engine never writes them to its tables or history, so what it keeps about the child
 * is the table's answer, the pathway, and nothing it was decided on.
 */
@Component("readTriageFacts")
public class ReadTriageFactsDelegate implements JavaDelegate {

    private final TransitionSteps transitions;

    public ReadTriageFactsDelegate(TransitionSteps transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Transition t = transitions.transition((Long) execution.getVariable(TransitionProcess.TRANSITION_ID));
        fact(execution, TransitionProcess.EHCP, t.isEhcp());
        fact(execution, TransitionProcess.IN_CARE, t.isInCare());
        fact(execution, TransitionProcess.CP_PLAN, t.isCpPlan());
        fact(execution, TransitionProcess.ANXIETY, t.isAnxiety());
        fact(execution, TransitionProcess.YOUNG_CARER, t.isYoungCarer());
        fact(execution, TransitionProcess.PRIMARY_RECOMMENDS, t.isPrimaryRecommends());
    }

    private static void fact(DelegateExecution execution, String name, boolean value) {
        execution.setVariable(name, Variables.booleanValue(value, true));
    }
}
