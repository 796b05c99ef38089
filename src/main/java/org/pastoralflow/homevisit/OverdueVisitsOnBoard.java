package org.pastoralflow.homevisit;

import java.time.LocalTime;
import java.util.List;

import org.pastoralflow.notification.BoardAlerts;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.workflow.StaffNames;
import org.springframework.stereotype.Component;

/**
 * Overdue home visits on the on-call board. Whoever answers the board sees who went, the phone that
 * reaches them and when they were due back: that is what a lone-working check needs. The address and
 * the student only for those who may read the visit (a safeguarding visit: the DSLs).
 */
@Component
class OverdueVisitsOnBoard implements BoardAlerts {

    private final HomeVisits visits;
    private final StaffNames people;

    OverdueVisitsOnBoard(HomeVisits visits, StaffNames people) {
        this.visits = visits;
        this.people = people;
    }

    @Override
    public List<Alert> alertsFor(Viewer viewer) {
        return visits.overdue().stream().map(v -> {
            boolean reads = visits.mayRead(viewer, v);
            String who = people.name(v.getLeadVisitor()) + (v.getSecondVisitor() == null ? "" : " and " + people.name(v.getSecondVisitor()));
            String detail = who + ", expected back at " + LocalTime.ofInstant(v.getExpectedBack(), visits.zone())
                    + ". Phone " + v.getVisitorPhone() + "."
                    + (reads ? " Visiting " + visits.studentName(v.getStudentId()) + "'s family at " + v.getAddress() + "."
                    : " The Pastoral Lead or the DSL has the address.")
                    + (v.getEscalatedAt() == null ? "" : " Alerted twice: SLT told.");
            // the reference too only for those who may read the visit: a safeguarding visit's would tell that a DSL record exists
            return new Alert((reads ? "Home visit " + v.getReference() : "A home visit") + ": nobody has checked in", detail,
                    reads ? "/home-visits/" + v.getReference() : null, v.getAlertedAt());
        }).toList();
    }
}
