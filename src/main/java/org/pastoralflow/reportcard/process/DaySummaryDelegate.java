package org.pastoralflow.reportcard.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.reportcard.ReportCardProcess;
import org.pastoralflow.reportcard.ReportCardSteps;
import org.springframework.stereotype.Component;

/** "Record the day's summary": sets how many of today's lessons have no score. */
@Component("reportCardDaySummary")
public class DaySummaryDelegate implements JavaDelegate {

    private final ReportCardSteps steps;

    public DaySummaryDelegate(ReportCardSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ReportCardProcess.UNSCORED_TODAY,
                steps.recordDaySummary((Long) execution.getVariable(ReportCardProcess.CARD_ID)));
    }
}
