package org.pastoralflow.transition;

import org.pastoralflow.security.Classification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.Group;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.student.Upn;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.pastoralflow.workflow.TermDates;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leavers (leaver.bpmn): a student leaving in the year or at the end of Year 11. When they have a
 * child protection file, the DSL transfers it to the receiving school or college separately from
 * the pupil file, by the KCSIE deadline, and records the confirmation of receipt.
 */
@Service
public class LeaverService {

    private final LeaverRepository leavers;
    private final StudentRepository students;
    private final TransitionRepository transitions;
    private final CaseStore caseStore;
    private final Processes processes;
    private final TaskInbox inbox;
    private final References references;
    private final TermDates termDates;
    private final TransitionSettings settings;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Clock clock;

    public LeaverService(LeaverRepository leavers, StudentRepository students, TransitionRepository transitions,
                         CaseStore caseStore, Processes processes, TaskInbox inbox, References references, TermDates termDates,
                         TransitionSettings settings, Notifier notifier, AuditLog audit, Clock clock) {
        this.leavers = leavers;
        this.students = students;
        this.transitions = transitions;
        this.caseStore = caseStore;
        this.processes = processes;
        this.inbox = inbox;
        this.references = references;
        this.termDates = termDates;
        this.settings = settings;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- recording leavers

    /** One student leaving: checked, recorded and the process started in one transaction. */
    @Transactional
    public Leaver record(FormData data, Viewer viewer) {
        String upn = data.required("upn", "UPN");
        Student student = null;
        if (upn != null) {
            String problem = Upn.problem(upn.toUpperCase());
            if (problem != null) {
                data.reject("upn", problem);
            } else {
                student = students.findByUpn(upn.toUpperCase()).orElse(null);
                if (student == null) {
                    data.reject("upn", "No student with UPN " + upn.toUpperCase() + ".");
                }
            }
        }
        LocalDate leavingOn = data.date("leavingOn", "Leaving date", true);
        String reason = data.oneOf("reason", "Why they are leaving", Leaver.REASONS.keySet());
        String destination = data.text("destinationName", "Receiving school or college", 200, false);
        String urn = data.text("destinationUrn", "Its URN", 6, false);
        if (urn != null && !urn.matches("\\d{6}")) {
            data.reject("destinationUrn", "A URN is 6 digits, like 110042.");
        }
        LocalDate today = LocalDate.now(clock);
        if (leavingOn != null && (leavingOn.isBefore(today.minusYears(1)) || leavingOn.isAfter(today.plusYears(1)))) {
            data.reject("leavingOn", "The leaving date must be within a year of today.");
        }
        if (student != null && Leaver.END_OF_YEAR_11.equals(reason) && student.getYearGroup() != 11) {
            data.reject("reason", student.displayName() + " is in Year " + student.getYearGroup() + ", not Year 11.");
        }
        if (student != null && alreadyLeaving(today).contains(student.getId())) {
            data.reject("upn", student.displayName() + " is already recorded as leaving.");
        }
        data.throwIfInvalid();
        return start(student, leavingOn, reason, destination, urn, viewer.userId());
    }

    /** Every Year 11 student not already recorded leaves on the last day of the summer term. */
    @Transactional
    public int recordYear11(FormData data, Viewer viewer) {
        LocalDate leavingOn = data.date("leavingOn", "Last day of Year 11", true);
        LocalDate today = LocalDate.now(clock);
        if (leavingOn != null && (leavingOn.isBefore(today.minusMonths(6)) || leavingOn.isAfter(today.plusYears(1)))) {
            data.reject("leavingOn", "The last day of Year 11 must be within the coming year.");
        }
        data.throwIfInvalid();
        Set<Long> leaving = alreadyLeaving(today);
        int recorded = 0;
        for (Student s : students.findByYearGroupOrderByLegalSurnameAscLegalForenameAsc(11)) {
            if (!leaving.contains(s.getId())) {
                start(s, leavingOn, Leaver.END_OF_YEAR_11, null, null, viewer.userId());
                recorded++;
            }
        }
        audit.record(viewer.userId(), "LEAVERS", LeaverProcess.SOURCE_TYPE, null, null,
                recorded + " Year 11 leavers on " + leavingOn);
        return recorded;
    }

    private Set<Long> alreadyLeaving(LocalDate today) {
        return new HashSet<>(leavers.studentsLeavingSince(today.minusYears(1)));
    }

    private Leaver start(Student s, LocalDate leavingOn, String reason, String destination, String urn, String by) {
        LocalDate due = transferDue(reason, leavingOn);
        Leaver l = leavers.save(new Leaver(references.next("L", "leaver_number_seq"), s.getId(), leavingOn, reason, destination,
                urn, by, due, clock.instant()));
        Map<String, Object> vars = new HashMap<>();
        vars.put(LeaverProcess.LEAVER_ID, l.getId());
        vars.put(LeaverProcess.STUDENT_ID, s.getId());
        vars.put(LeaverProcess.REFERENCE, l.getReference());
        vars.put(LeaverProcess.TRANSFER_DUE_AT, java.util.Date.from(due.atTime(23, 59).atZone(clock.getZone()).toInstant()));
        l.started(processes.start(LeaverProcess.KEY, l.getReference(), vars));
        return l;
    }

    /**
     * KCSIE: within 5 school days of an in-year move, or within the first 5 school days of the new
     * term for a move between phases (the end of Year 11). Counted from the leaving date, never from
     * the day it was recorded: recording a move late does not give the DSL more time, and a leaver
     * recorded after the deadline has a transfer that is overdue at once.
     */
    LocalDate transferDue(String reason, LocalDate leavingOn) {
        TransitionCalendar cal = new TransitionCalendar(termDates.calendar(), settings);
        if (Leaver.END_OF_YEAR_11.equals(reason)) {
            int september = leavingOn.getMonthValue() >= 9 ? leavingOn.getYear() + 1 : leavingOn.getYear();
            return cal.cpFileDue(september, leavingOn);
        }
        return cal.addSchoolDays(leavingOn, settings.cpFileSchoolDays());
    }

    // ---------------------------------------------------------------- the model's service tasks

    /**
     * "Check for a child protection file": any safeguarding record in the case file, the CP-plan
     * flag, or a CP file received at transition.
     */
    @Transactional
    public boolean checkChildProtectionFile(Long leaverId) {
        Leaver l = leaver(leaverId);
        Student s = students.findById(l.getStudentId()).orElseThrow();
        boolean has = s.isCpPlan() || caseStore.countEntries(s.getId(), Confidentiality.SAFEGUARDING) > 0
                || transitions.findByStudentIdOrderByEntryYearDesc(s.getId()).stream().anyMatch(Transition::isCpFileExpected);
        l.checked(has);
        return has;
    }

    /** A leaver's record is the DSL's: it exists to transfer the child protection file. */
    public static Classification classify(Leaver l) {
        return Classification.of(LeaverProcess.SOURCE_TYPE, l.getId(), Confidentiality.SAFEGUARDING, l.getStudentId());
    }

    @Transactional
    public void escalateTransfer(Long leaverId) {
        Leaver l = leaver(leaverId);
        entry(l, EntryKind.ESCALATION, "system", "Child protection file not transferred by " + Transitions.day(l.getTransferDueOn())
                + " (KCSIE): escalated to the DSLs and the Headteacher", null);
        notifier.toGroups(List.of(Group.DSL.id()), "CP file transfer overdue for " + l.getReference(),
                "The child protection file of a student who has left has not been transferred by its KCSIE deadline.",
                "/leavers/" + l.getReference(), classify(l));
        notifier.toGroups(List.of(Group.SLT.id()), "A child protection file transfer is overdue",
                "The child protection file of a student who has left has not been transferred by its KCSIE deadline. "
                        + "The DSLs have been told which child; please make sure one of them deals with it today.", "/dashboards", null);
    }

    @Transactional
    public void escalateMissingReceipt(Long leaverId) {
        Leaver l = leaver(leaverId);
        entry(l, EntryKind.ESCALATION, "system", "No confirmation of receipt from " + l.getSentTo()
                + ": chase the receiving school's DSL", null);
        notifier.toGroups(List.of(Group.DSL.id()), "No confirmation of receipt for " + l.getReference(),
                "A receiving school or college has not confirmed it received a child protection file. Chase its DSL.",
                "/leavers/" + l.getReference(), classify(l));
        notifier.toGroups(List.of(Group.SLT.id()), "A child protection file has no confirmation of receipt",
                "A receiving school or college has not confirmed it received a child protection file. "
                        + "The DSLs have been told which child; please make sure one of them chases it.", "/dashboards", null);
    }

    @Transactional
    public void close(Long leaverId) {
        Leaver l = leaver(leaverId);
        if (l.getClosedAt() == null) {
            l.close(clock.instant());
        }
    }

    // ---------------------------------------------------------------- what the DSL records

    @Transactional
    public void recordSent(Leaver l, String to, String urn, LocalDate on, String how, Viewer viewer) {
        l.sent(to, urn, on, how, viewer.userId());
        entry(l, EntryKind.NOTE, viewer.userId(), "Child protection file sent to " + to + " on " + Transitions.day(on) + " ("
                + TRANSFER_METHODS.get(how) + "), separately from the pupil file", null);
    }

    @Transactional
    public void recordNoDestination(Leaver l, String notes, Viewer viewer) {
        l.noDestination(notes, viewer.userId());
        entry(l, EntryKind.NOTE, viewer.userId(), "No receiving school or college: child protection file kept, local authority told",
                notes);
    }

    @Transactional
    public void recordReceipt(Leaver l, LocalDate on, String from, Viewer viewer) {
        l.receipt(on, from, viewer.userId());
        entry(l, EntryKind.NOTE, viewer.userId(), "Receipt of the child protection file confirmed by " + from + " on " + Transitions.day(on), null);
    }

    public static final Map<String, String> TRANSFER_METHODS = org.pastoralflow.forms.FormField.options(
            "secure-electronic", "Secure electronic transfer (e.g. the safeguarding system's transfer)",
            "encrypted-email", "Encrypted export, password sent separately", "by-hand", "By hand, DSL to DSL",
            "recorded-delivery", "Recorded delivery");

    /** The export was made: who, when and a fingerprint of exactly what left the school. */
    @Transactional
    public void exported(Leaver given, String sha256, int entries, Viewer viewer) {
        Leaver l = leaver(given.getId());
        l.exported(sha256, viewer.userId(), clock.instant());
        audit.record(viewer.userId(), "EXPORT", "cp-file", l.getId(), l.getStudentId(),
                "CP file of " + l.getReference() + ": " + entries + " safeguarding entries, SHA-256 " + sha256);
    }

    private ChronologyEntry entry(Leaver l, EntryKind kind, String by, String summary, String detail) {
        return caseStore.record(new NewEntry(l.getStudentId(), kind, Confidentiality.SAFEGUARDING, clock.instant(), by, summary,
                detail, LeaverProcess.SOURCE_TYPE, l.getId()));
    }

    // ---------------------------------------------------------------- reading

    public Leaver leaver(Long id) {
        return leavers.findById(id).orElseThrow(() -> new IllegalStateException("No leaver " + id));
    }

    public Leaver byReference(String reference) {
        return leavers.findByReference(reference).orElseThrow(() -> new NotFoundException("No such leaver"));
    }

    public Optional<Student> student(Leaver l) {
        return students.findById(l.getStudentId());
    }

    public List<Leaver> open() {
        return leavers.findByClosedAtIsNullAndHasCpFileTrueOrderByTransferDueOnAsc();
    }

    public List<Leaver> recentlyClosed() {
        return leavers.findByClosedAtIsNotNullAndHasCpFileTrueOrderByClosedAtDesc(PageRequest.of(0, 50));
    }

    public Map<Long, Student> students(List<Leaver> list) {
        Map<Long, Student> byId = new HashMap<>();
        students.findAllById(list.stream().map(Leaver::getStudentId).toList()).forEach(s -> byId.put(s.getId(), s));
        return byId;
    }

    public List<TaskView> openTasks(Leaver l) {
        return l.getProcessInstanceId() == null ? List.of() : inbox.openTasksOfProcess(l.getProcessInstanceId());
    }

    /** The safeguarding chronology, oldest first, as it goes to the receiving school; each entry's view audited. */
    @Transactional
    public List<ChronologyEntry> childProtectionFile(Leaver l, Viewer viewer, String where) {
        List<ChronologyEntry> all = new java.util.ArrayList<>(caseStore.chronology(l.getStudentId(), viewer, where).stream()
                .filter(e -> e.getConfidentiality() == Confidentiality.SAFEGUARDING).toList());
        java.util.Collections.reverse(all);
        return all;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Instant now() {
        return clock.instant();
    }
}
