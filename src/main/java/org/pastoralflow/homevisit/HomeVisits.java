package org.pastoralflow.homevisit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.TaskInbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reads for the home visit pages: every one through the access policy. */
@Service
public class HomeVisits {

    private final HomeVisitRepository visits;
    private final StudentRepository students;
    private final AccessPolicy policy;
    private final TaskInbox inbox;
    private final Clock clock;

    HomeVisits(HomeVisitRepository visits, StudentRepository students, AccessPolicy policy, TaskInbox inbox, Clock clock) {
        this.visits = visits;
        this.students = students;
        this.policy = policy;
        this.inbox = inbox;
        this.clock = clock;
    }

    /** The visit, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    @Transactional(readOnly = true)
    public HomeVisit byReference(String reference, Viewer viewer) {
        return policy.require(viewer, visits.findByReference(reference).orElseThrow(() -> new NotFoundException("Nothing was found there.")),
                HomeVisit::classification);
    }

    /** Visits still out and those from today on, as the viewer may read them, soonest first. */
    @Transactional(readOnly = true)
    public List<HomeVisit> current(Viewer viewer) {
        Instant today = LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
        return policy.readable(viewer, visits.findByLeavesAtGreaterThanEqualOrCheckedInAtIsNullOrderByLeavesAtAsc(today),
                HomeVisit::classification);
    }

    @Transactional(readOnly = true)
    public List<HomeVisit> ofStudent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, visits.findByStudentIdOrderByLeavesAtDesc(studentId), HomeVisit::classification);
    }

    /** Visits nobody has checked in from after the grace time: for the on-call board, which decides what it shows of each. */
    @Transactional(readOnly = true)
    public List<HomeVisit> overdue() {
        return visits.findByCheckedInAtIsNullAndAlertedAtIsNotNullOrderByExpectedBackAsc();
    }

    public boolean mayRead(Viewer viewer, HomeVisit visit) {
        return policy.mayRead(viewer, visit.classification());
    }

    /** The open check-in task, for the visit page's check-in form. */
    public java.util.Optional<String> checkInTask(HomeVisit visit) {
        return visit.getProcessInstanceId() == null || !visit.isOpen() ? java.util.Optional.empty()
                : inbox.openTaskId(visit.getProcessInstanceId(), HomeVisitProcess.TASK_CHECK_IN);
    }

    public String studentName(Long studentId) {
        return students.findById(studentId).map(s -> s.displayName() + " (" + s.yearAndGroup() + ")").orElse("");
    }

    public Instant now() {
        return clock.instant();
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }
}
