package org.pastoralflow.workflow.dryrun;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;

/**
 * Which instance and which activity an expression is being evaluated for (an execution's, or a task's due date and
 * groups): where a recorded bean answer belongs, when it is recorded and when it is given again.
 */
public final class ExpressionScope {

    private ExpressionScope() {
    }

    public static String processInstanceId(ELContext context) {
        Object scope = context.getContext(VariableScope.class);
        if (scope instanceof DelegateExecution e) {
            return e.getProcessInstanceId();
        }
        return scope instanceof DelegateTask t ? t.getProcessInstanceId() : null;
    }

    public static String activityId(ELContext context) {
        Object scope = context.getContext(VariableScope.class);
        if (scope instanceof DelegateExecution e) {
            return e.getCurrentActivityId();
        }
        return scope instanceof DelegateTask t ? t.getTaskDefinitionKey() : null;
    }
}
