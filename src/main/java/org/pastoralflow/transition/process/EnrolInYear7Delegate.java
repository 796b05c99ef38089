package org.pastoralflow.transition.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.transition.TransitionProcess;
import org.pastoralflow.transition.TransitionSteps;
import org.springframework.stereotype.Component;

/** "Enrol in Year 7: the student's case file, named in the inbox from now on". */
@Component("enrolInYear7")
public class EnrolInYear7Delegate implements JavaDelegate {

    private final TransitionSteps transitions;

    public EnrolInYear7Delegate(TransitionSteps transitions) {
        this.transitions = transitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(TransitionProcess.STUDENT_ID, transitions.enrol(id(execution)));
    }

    private static Long id(DelegateExecution execution) {
        return (Long) execution.getVariable(TransitionProcess.TRANSITION_ID);
    }
}
