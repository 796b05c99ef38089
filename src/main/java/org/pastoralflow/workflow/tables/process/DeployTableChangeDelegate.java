package org.pastoralflow.workflow.tables.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.workflow.tables.TableChangeProcess;
import org.pastoralflow.workflow.tables.TableChangeSteps;
import org.springframework.stereotype.Component;

/** "Deploy the new version": the change the DSL approved. */
@Component("deployTableChangeDelegate")
class DeployTableChangeDelegate implements JavaDelegate {

    private final TableChangeSteps steps;

    DeployTableChangeDelegate(TableChangeSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.deploy(((Number) execution.getVariable(TableChangeProcess.TABLE_CHANGE_ID)).longValue());
    }
}
