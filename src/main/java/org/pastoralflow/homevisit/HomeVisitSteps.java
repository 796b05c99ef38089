package org.pastoralflow.homevisit;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pastoralflow.notification.Notifier;
import org.pastoralflow.oncall.OncallDuty;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.StaffDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What home-visit.bpmn's service tasks do, and nothing else calls: alert the on-call person and the
 * Pastoral Lead when nobody has checked in, and again after a further wait. The e-mails name the
 * staff, their phone and when they were due back; never the child or the address (docs/security.md,
 * "E-mails"): the on-call board shows those to whoever may read the visit.
 */
@Service
public class HomeVisitSteps {

    private final HomeVisitRepository visits;
    private final OncallDuty duty;
    private final StaffDirectory directory;
    private final Notifier notifier;
    private final Clock clock;

    HomeVisitSteps(HomeVisitRepository visits, OncallDuty duty, StaffDirectory directory, Notifier notifier, Clock clock) {
        this.visits = visits;
        this.duty = duty;
        this.directory = directory;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** "Alert on-call and the Pastoral Lead": the grace time is over and nobody has checked in. */
    @Transactional
    public boolean alertOverdue(Long visitId) {
        HomeVisit visit = visits.findById(visitId).orElseThrow();
        if (!visit.isOpen()) {
            return false;
        }
        visit.alerted(clock.instant());
        notifier.toUsers(recipients(visit, false), "Home visit" + named(visit) + ": nobody has checked in",
                who(visit) + " expected back from a home visit at " + time(visit) + " and nobody has checked in.\n"
                        + "Phone them now on " + visit.getVisitorPhone() + ". If you cannot reach them, follow the school's "
                        + "lone-working procedure. The visit is on the on-call board.", "/oncall", null);
        return true;
    }

    /** "Alert again": still nobody after the further wait; the senior leaders are told too. */
    @Transactional
    public boolean alertAgain(Long visitId) {
        HomeVisit visit = visits.findById(visitId).orElseThrow();
        if (!visit.isOpen()) {
            return false;
        }
        visit.escalated(clock.instant());
        notifier.toUsers(recipients(visit, true), "Still no check-in: home visit" + named(visit),
                who(visit) + " expected back from a home visit at " + time(visit) + " and there is still no check-in.\n"
                        + "Phone them on " + visit.getVisitorPhone() + ". If nobody has reached them, act now under the school's "
                        + "lone-working procedure (go to the address, or call the police). The visit is on the on-call board.",
                "/oncall", null);
        return true;
    }

    /** The PSOs on duty now and the Pastoral Lead; a safeguarding visit's DSLs; on the second alert, SLT as well. */
    private List<String> recipients(HomeVisit visit, boolean again) {
        Set<String> to = new LinkedHashSet<>(duty.onDutyNow());
        to.addAll(directory.membersOf(Group.PASTORAL_LEAD.id()));
        if (visit.getConfidentiality() == Confidentiality.SAFEGUARDING) {
            to.addAll(directory.membersOf(Group.DSL.id()));
        }
        if (again) {
            to.addAll(directory.membersOf(Group.SLT.id()));
        }
        return new ArrayList<>(to);
    }

    /**
     * The reference of a pastoral visit; none for a safeguarding one, whose reference would tell the
     * PSOs on duty that a DSL record exists (the e-mail still says whom to phone).
     */
    private static String named(HomeVisit visit) {
        return visit.getConfidentiality() == Confidentiality.SAFEGUARDING ? "" : " " + visit.getReference();
    }

    private String who(HomeVisit visit) {
        String lead = directory.displayName(visit.getLeadVisitor());
        return visit.getSecondVisitor() == null ? lead + " was" : lead + " and " + directory.displayName(visit.getSecondVisitor()) + " were";
    }

    private String time(HomeVisit visit) {
        return LocalTime.ofInstant(visit.getExpectedBack(), clock.getZone()).toString();
    }
}
