package org.pastoralflow.send.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.send.EhcpReviewProcess;
import org.pastoralflow.send.EhcpReviewSteps;
import org.springframework.stereotype.Component;

/** The four chases of ehcp-annual-review.bpmn (invitations, advice, report, the authority's decision), told apart by the step. */
@Component("ehcpChase")
public class ChaseDelegate implements JavaDelegate {

    private final EhcpReviewSteps steps;

    public ChaseDelegate(EhcpReviewSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.chase((Long) execution.getVariable(EhcpReviewProcess.REVIEW_ID), EhcpReviewProcess.chaseOf(execution.getCurrentActivityId()));
    }
}
