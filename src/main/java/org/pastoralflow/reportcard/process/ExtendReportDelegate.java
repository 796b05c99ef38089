package org.pastoralflow.reportcard.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.reportcard.ReportCardProcess;
import org.pastoralflow.reportcard.ReportCardSteps;
import org.springframework.stereotype.Component;

/** "Extend the report": the card's last day moves on by the days the reviewer gave. */
@Component("reportCardExtend")
public class ExtendReportDelegate implements JavaDelegate {

    private final ReportCardSteps steps;

    public ExtendReportDelegate(ReportCardSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.extend((Long) execution.getVariable(ReportCardProcess.CARD_ID),
                (Integer) execution.getVariable(ReportCardProcess.EXTRA_DAYS));
    }
}
