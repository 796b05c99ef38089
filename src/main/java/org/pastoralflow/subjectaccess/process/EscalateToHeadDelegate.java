package org.pastoralflow.subjectaccess.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.subjectaccess.SubjectAccessProcess;
import org.pastoralflow.subjectaccess.SubjectAccessService;
import org.springframework.stereotype.Component;

/** Service task "Tell the Headteacher". */
@Component("escalateSubjectAccessDeadline")
public class EscalateToHeadDelegate implements JavaDelegate {

    private final SubjectAccessService requests;

    public EscalateToHeadDelegate(SubjectAccessService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.escalateToHead((Long) execution.getVariable(SubjectAccessProcess.REQUEST_ID));
    }
}
