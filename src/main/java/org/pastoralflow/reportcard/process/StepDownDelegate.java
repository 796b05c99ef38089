package org.pastoralflow.reportcard.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.reportcard.ReportCardProcess;
import org.pastoralflow.reportcard.ReportCardSteps;
import org.springframework.stereotype.Component;

/** "Step down a level": the new level's group reviews the card from now on. */
@Component("reportCardStepDown")
public class StepDownDelegate implements JavaDelegate {

    private final ReportCardSteps steps;

    public StepDownDelegate(ReportCardSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ReportCardProcess.REVIEWER_GROUP,
                steps.step((Long) execution.getVariable(ReportCardProcess.CARD_ID), -1));
        execution.setVariable(ReportCardProcess.REVIEWER, null);
    }
}
