package org.pastoralflow.send.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.send.EhcpReviewProcess;
import org.pastoralflow.send.EhcpReviewSteps;
import org.springframework.stereotype.Component;

/** "Open the year's review": the next annual review of the plan. */
@Component("ehcpOpenReview")
public class OpenReviewDelegate implements JavaDelegate {

    private final EhcpReviewSteps steps;

    public OpenReviewDelegate(EhcpReviewSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(EhcpReviewProcess.REVIEW_ID, steps.openReview((Long) execution.getVariable(EhcpReviewProcess.PLAN_ID)));
    }
}
