package org.pastoralflow.homevisit;

import java.util.List;

import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.CaseProcesses;
import org.springframework.stereotype.Component;

/** A home visit still out, among the student page's open workflows (its outcome is in the chronology). */
@Component
class HomeVisitPanel implements CaseProcesses {

    private final HomeVisits visits;

    HomeVisitPanel(HomeVisits visits) {
        this.visits = visits;
    }

    @Override
    public List<CaseProcess> openFor(Long studentId, Viewer viewer) {
        return visits.ofStudent(studentId, viewer).stream().filter(v -> v.isOpen() && v.getProcessInstanceId() != null)
                .map(v -> new CaseProcess("Home visit", v.getReference(), "/home-visits/" + v.getReference(), v.getProcessInstanceId(),
                        v.classification())).toList();
    }
}
