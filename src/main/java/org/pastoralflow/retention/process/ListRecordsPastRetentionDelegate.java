package org.pastoralflow.retention.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.retention.RetentionProcess;
import org.pastoralflow.retention.RetentionService;
import org.springframework.stereotype.Component;

/** Service task "List records past retention". */
@Component("listRecordsPastRetention")
class ListRecordsPastRetentionDelegate implements JavaDelegate {

    private final RetentionService retention;

    ListRecordsPastRetentionDelegate(RetentionService retention) {
        this.retention = retention;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(RetentionProcess.DUE, retention.review(retention.today()));
    }
}
