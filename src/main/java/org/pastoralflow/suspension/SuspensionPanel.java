package org.pastoralflow.suspension;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;

/** A pupil's open suspensions on the student page, with their diagram. */
@Component
class SuspensionPanel implements CaseProcesses {

    private final Suspensions suspensions;

    SuspensionPanel(Suspensions suspensions) {
        this.suspensions = suspensions;
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return suspensions.ofStudent(studentId, viewer).stream().filter(s -> s.getClosedAt() == null && s.getProcessInstanceId() != null)
                .map(s -> new CaseProcess("Suspension", s.getReference(), "/suspensions/" + s.getReference(),
                        s.getProcessInstanceId(), suspensions.classify(s))).toList();
    }
}
