package org.pastoralflow.subjectaccess.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.pastoralflow.subjectaccess.SubjectAccessProcess;
import org.pastoralflow.subjectaccess.SubjectAccessService;
import org.springframework.stereotype.Component;

/** Service task "Remind the DSLs of the deadline". */
@Component("warnSubjectAccessDeadline")
public class WarnDslOfDeadlineDelegate implements JavaDelegate {

    private final SubjectAccessService requests;

    public WarnDslOfDeadlineDelegate(SubjectAccessService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.warnDsl((Long) execution.getVariable(SubjectAccessProcess.REQUEST_ID));
    }
}
