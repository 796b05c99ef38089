package org.pastoralflow.reportcard.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.reportcard.ReportCardProcess;
import org.pastoralflow.reportcard.ReportCardSteps;
import org.springframework.stereotype.Component;

/** "Step up a level": the new level's group reviews the card from now on. */
@Component("reportCardStepUp")
public class StepUpDelegate implements JavaDelegate {

    private final ReportCardSteps steps;

    public StepUpDelegate(ReportCardSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ReportCardProcess.REVIEWER_GROUP,
                steps.step((Long) execution.getVariable(ReportCardProcess.CARD_ID), 1));
        execution.setVariable(ReportCardProcess.REVIEWER, null);
    }
}
