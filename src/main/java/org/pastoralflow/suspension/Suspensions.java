package org.pastoralflow.suspension;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.pastoralflow.workflow.TermDates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Suspensions: starting one when the Headteacher has decided, and the reads for pages and forms. */
@Service
@EnableConfigurationProperties(SuspensionSettings.class)
public class Suspensions {

    private final SuspensionRepository suspensions;
    private final StudentRepository students;
    private final CaseStore caseStore;
    private final Processes processes;
    private final References references;
    private final TaskInbox inbox;
    private final TermDates termDates;
    private final AccessPolicy policy;
    private final SuspensionSettings settings;
    private final Clock clock;

    Suspensions(SuspensionRepository suspensions, StudentRepository students, CaseStore caseStore, Processes processes,
                References references, TaskInbox inbox, TermDates termDates, AccessPolicy policy, SuspensionSettings settings,
                Clock clock) {
        this.suspensions = suspensions;
        this.students = students;
        this.caseStore = caseStore;
        this.processes = processes;
        this.references = references;
        this.inbox = inbox;
        this.termDates = termDates;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * A suspension the Headteacher approved in an investigation: from the next school day for the
     * number of school days decided (the parent notice may move the first day), as confidential as
     * the incident, and its workflow started with the suspension's reference as business key.
     */
    @Transactional
    public Suspension startFromIncident(Long incidentId, String incidentReference, Confidentiality confidentiality,
                                        Long studentId, int days, String reasons, String approvedBy) {
        LocalDate startsOn = termDates.calendar().addSchoolDays(LocalDate.now(clock), 1);
        Suspension s = suspensions.save(new Suspension(references.next("SU", "suspension_number_seq"), studentId, incidentId,
                incidentReference, confidentiality, days, reasons, approvedBy, clock.instant(), startsOn,
                returnOn(startsOn, days)));
        caseStore.record(NewEntry.now(studentId, EntryKind.DECISION, confidentiality, approvedBy,
                "Suspended for " + days + " school day" + (days == 1 ? "" : "s") + " (" + s.getReference() + ")"
                        + (incidentReference == null ? "" : " after incident " + incidentReference), reasons,
                SuspensionProcess.SOURCE_TYPE, s.getId()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(SuspensionProcess.SUSPENSION_ID, s.getId());
        vars.put(SuspensionProcess.REFERENCE, s.getReference());
        boolean dsl = confidentiality == Confidentiality.SAFEGUARDING;
        vars.put(SuspensionProcess.CASEWORKER_GROUPS, dsl ? SuspensionProcess.DSL : SuspensionProcess.CASEWORKERS);
        vars.put(SuspensionProcess.LEADER_GROUPS, dsl ? SuspensionProcess.DSL : SuspensionProcess.LEADERS);
        vars.put(SuspensionProcess.HEAD_GROUPS, dsl ? SuspensionProcess.DSL : SuspensionProcess.HEAD);
        s.started(processes.start(SuspensionProcess.KEY, s.getReference(), vars));
        return s;
    }

    /** The day the pupil is back: the school day after the last day of the suspension. */
    LocalDate returnOn(LocalDate startsOn, int days) {
        return termDates.calendar().addSchoolDays(startsOn, days);
    }

    boolean isSchoolDay(LocalDate day) {
        return termDates.calendar().isSchoolDay(day);
    }

    SuspensionSettings settings() {
        return settings;
    }

    java.time.ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Suspension byId(Long id) {
        return suspensions.findById(id).orElseThrow(() -> new NotFoundException("No such suspension"));
    }

    public Suspension byReference(String reference) {
        return suspensions.findByReference(reference).orElseThrow(() -> new NotFoundException("No such suspension"));
    }

    public Student studentOf(Suspension s) {
        return students.findById(s.getStudentId()).orElseThrow();
    }

    /** The pupils of these suspensions, by id, for a list. */
    public Map<Long, Student> namesOf(List<Suspension> list) {
        Map<Long, Student> names = new HashMap<>();
        students.findAllById(list.stream().map(Suspension::getStudentId).distinct().toList()).forEach(st -> names.put(st.getId(), st));
        return names;
    }

    /** The suspension as the access policy sees it: its confidentiality and its pupil. */
    public Classification classify(Suspension s) {
        return Classification.of(SuspensionProcess.SOURCE_TYPE, s.getId(), s.getConfidentiality(), s.getStudentId());
    }

    /** The suspension, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    public Suspension readable(String reference, Viewer viewer) {
        return policy.require(viewer, byReference(reference), this::classify);
    }

    public List<Suspension> open(Viewer viewer) {
        return policy.readable(viewer, suspensions.findByClosedAtIsNullOrderByStartsOn(), this::classify);
    }

    public List<Suspension> ofStudent(Long studentId, Viewer viewer) {
        return policy.readable(viewer, suspensions.findByStudentIdOrderByStartsOnDesc(studentId), this::classify);
    }

    /** What has been recorded about the suspension in the chronology, as the viewer may see it. */
    public List<ChronologyEntry> history(Suspension s, Viewer viewer, String where) {
        return caseStore.aboutRecord(SuspensionProcess.SOURCE_TYPE, s.getId(), viewer, null, where);
    }

    /** The open tasks the viewer may know of. */
    public List<TaskView> openTasks(Suspension s, Viewer viewer) {
        Classification record = classify(s);
        return inbox.openTasksVisibleTo(s.getProcessInstanceId(), policy.of(viewer), t -> record);
    }
}
