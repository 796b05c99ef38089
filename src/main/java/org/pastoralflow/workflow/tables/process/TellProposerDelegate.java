package org.pastoralflow.workflow.tables.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.workflow.tables.TableChangeProcess;
import org.pastoralflow.workflow.tables.TableChangeSteps;
import org.springframework.stereotype.Component;

/** "Tell the proposer": the change was refused, with the DSL's note. */
@Component("tellTableChangeProposerDelegate")
class TellProposerDelegate implements JavaDelegate {

    private final TableChangeSteps steps;

    TellProposerDelegate(TableChangeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.refuse(((Number) execution.getVariable(TableChangeProcess.TABLE_CHANGE_ID)).longValue());
    }
}
