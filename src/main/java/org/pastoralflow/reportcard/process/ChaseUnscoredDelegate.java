package org.pastoralflow.reportcard.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.reportcard.ReportCardProcess;
import org.pastoralflow.reportcard.ReportCardSteps;
import org.springframework.stereotype.Component;

/** "Chase the unscored lessons": an e-mail to the reviewer. */
@Component("reportCardChase")
public class ChaseUnscoredDelegate implements JavaDelegate {

    private final ReportCardSteps steps;

    public ChaseUnscoredDelegate(ReportCardSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.chaseUnscored((Long) execution.getVariable(ReportCardProcess.CARD_ID),
                (String) execution.getVariable(ReportCardProcess.REVIEWER_GROUP),
                (String) execution.getVariable(ReportCardProcess.REVIEWER),
                (Integer) execution.getVariable(ReportCardProcess.UNSCORED_TODAY));
    }
}
