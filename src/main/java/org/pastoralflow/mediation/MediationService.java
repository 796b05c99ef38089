package org.pastoralflow.mediation;

import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.security.NotFoundException;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.StudentPicker;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Restorative mediations: starting one, and what each step records. */
@Service
public class MediationService {

    public static final int MAX_PARTIES = 6;

    private final MediationRepository mediations;
    private final MediationPartyRepository parties;
    private final StudentRepository students;
    private final StudentPicker picker;
    private final CaseStore caseStore;
    private final Processes processes;
    private final References references;
    private final TaskInbox inbox;
    private final Clock clock;
    private final AccessPolicy policy;

    public MediationService(MediationRepository mediations, MediationPartyRepository parties, StudentRepository students,
                            StudentPicker picker, CaseStore caseStore, Processes processes, References references,
                            TaskInbox inbox, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.mediations = mediations;
        this.parties = parties;
        this.students = students;
        this.picker = picker;
        this.caseStore = caseStore;
        this.processes = processes;
        this.references = references;
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Started by an investigation's outcome, between the students it names (never witnesses), as
     * confidential as the incident: a mediation after a safeguarding incident is the DSL's record too.
     */
    @Transactional
    public Mediation startFromIncident(String incidentReference, Confidentiality incidentConfidentiality, List<Long> studentIds,
                                       String reason, String by) {
        return start(MediationProcess.FROM_INCIDENT, incidentReference, incidentConfidentiality, studentIds, reason, by);
    }

    /** Started by a PSO (or HoY, Pastoral Lead, DSL) between two or more students. */
    @Transactional
    public Mediation startByHand(FormData data, Viewer viewer) {
        Map<Integer, Student> picked = picker.read(data, MAX_PARTIES);
        String reason = data.text("reason", "What the mediation is about", 5000, true);
        if (picked.size() < 2 && data.errors().keySet().stream().noneMatch(k -> k.startsWith(StudentPicker.PREFIX))) {
            data.reject(StudentPicker.PREFIX + picked.size(), "A mediation needs at least two students: add "
                    + (picked.isEmpty() ? "two." : "one more."));
        }
        data.throwIfInvalid();
        return start(MediationProcess.FROM_PSO, null, Confidentiality.PASTORAL, picked.values().stream().map(Student::getId).toList(),
                reason, viewer.userId());
    }

    private Mediation start(String sourceType, String sourceReference, Confidentiality confidentiality, List<Long> studentIds,
                            String reason, String by) {
        Mediation m = mediations.save(new Mediation(references.next("M", "mediation_number_seq"), sourceType, sourceReference,
                confidentiality, reason, by, clock.instant()));
        int position = 0;
        for (Long studentId : studentIds) {
            parties.save(new MediationParty(m.getId(), studentId, position++));
            caseStore.record(NewEntry.now(studentId, EntryKind.NOTE, m.getConfidentiality(), by,
                    "Restorative mediation offered (" + m.getReference() + ")"
                            + (sourceReference == null ? "" : " after incident " + sourceReference),
                    reason, MediationProcess.SOURCE_TYPE, m.getId()));
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(MediationProcess.MEDIATION_ID, m.getId());
        vars.put(MediationProcess.REFERENCE, m.getReference());
        vars.put(MediationProcess.CONSENT_REFUSED, false);
        m.started(processes.start(MediationProcess.KEY, m.getReference(), vars));
        return m;
    }

    /** The students of the mediation, for the tasks done once per party. */
    @Transactional(readOnly = true)
    public List<Long> partiesOf(Long mediationId) {
        return parties.findByMediationIdOrderByPosition(mediationId).stream().map(MediationParty::getStudentId).toList();
    }

    @Transactional
    public void recordSuitability(Mediation m, boolean powerImbalance, boolean safeguardingConcern, boolean suitable,
                                  String notes, Viewer viewer) {
        m.suitability(powerImbalance, safeguardingConcern, suitable, notes);
        if (!suitable) {
            m.close(Mediation.NOT_SUITABLE, notes, clock.instant());
        }
        toEveryParty(m, EntryKind.DECISION, viewer, "Mediation " + m.getReference() + ": "
                + (suitable ? "suitable, consent to be sought" : "not suitable")
                + (powerImbalance ? "; power imbalance" : "") + (safeguardingConcern ? "; safeguarding concern" : ""), notes);
    }

    @Transactional
    public void recordConsent(Mediation m, Long studentId, boolean given, LocalDate askedOn, String notes, Viewer viewer) {
        MediationParty p = party(m, studentId);
        p.consent(given ? MediationParty.GIVEN : MediationParty.REFUSED, viewer.userId(), clock.instant());
        caseStore.record(new NewEntry(studentId, EntryKind.NOTE, m.getConfidentiality(), at(askedOn),
                viewer.userId(), "Mediation " + m.getReference() + ": consent " + (given ? "given" : "refused") + " by " + name(studentId), notes,
                MediationProcess.SOURCE_TYPE, m.getId()));
    }

    @Transactional
    public void recordDeclined(Mediation m, String alternativeSupport, Viewer viewer) {
        m.close(Mediation.DECLINED, alternativeSupport, clock.instant());
        toEveryParty(m, EntryKind.DECISION, viewer, "Mediation " + m.getReference()
                + " closed: consent refused; alternative support noted", alternativeSupport);
    }

    @Transactional
    public void recordPartyNote(Mediation m, Long studentId, EntryKind kind, LocalDate on, String summary, String notes,
                                Viewer viewer) {
        party(m, studentId);
        caseStore.record(new NewEntry(studentId, kind, m.getConfidentiality(), at(on),
                viewer.userId(), summary + " with " + name(studentId) + " (" + m.getReference() + ")", notes, MediationProcess.SOURCE_TYPE, m.getId()));
    }

    @Transactional
    public void recordMeeting(Mediation m, LocalDate on, String attendees, String whatHappened, String whoAffected,
                              String repair, String actions, Viewer viewer) {
        m.meeting(on, attendees, whatHappened, whoAffected, repair, actions);
        String detail = "Who attended: " + attendees + "\n\nWhat happened: " + whatHappened + "\n\nWho was affected: "
                + whoAffected + "\n\nWhat needs to happen to repair the harm: " + repair + "\n\nAgreed actions: " + actions;
        for (Long studentId : partiesOf(m.getId())) {
            caseStore.record(new NewEntry(studentId, EntryKind.SESSION, m.getConfidentiality(), at(on),
                    viewer.userId(), "Restorative meeting (" + m.getReference() + ", round " + m.getRound() + ")", detail,
                    MediationProcess.SOURCE_TYPE, m.getId()));
        }
    }

    /** "resolved" closes it, "again" starts another round, "escalate" goes to the Head of Year. */
    @Transactional
    public void recordReview(Mediation m, String decision, String rationale, Viewer viewer) {
        toEveryParty(m, EntryKind.REVIEW, viewer, "Mediation " + m.getReference() + " reviewed: " + REVIEW_OPTIONS.get(decision),
                rationale);
        switch (decision) {
            case Mediation.RESOLVED -> m.close(Mediation.RESOLVED, rationale, clock.instant());
            case "again" -> m.nextRound();
            default -> { }
        }
    }

    @Transactional
    public void recordHeadOfYearReview(Mediation m, String action, Viewer viewer) {
        m.close(Mediation.ESCALATED, action, clock.instant());
        toEveryParty(m, EntryKind.ESCALATION, viewer, "Mediation " + m.getReference() + " escalated: Head of Year's action",
                action);
    }

    public static final Map<String, String> REVIEW_OPTIONS = org.pastoralflow.forms.FormField.options(
            Mediation.RESOLVED, "Resolved: close the mediation",
            "again", "Mediate again (another pre-meeting and meeting)",
            "escalate", "Escalate to the Head of Year");

    private void toEveryParty(Mediation m, EntryKind kind, Viewer viewer, String summary, String detail) {
        for (Long studentId : partiesOf(m.getId())) {
            caseStore.record(NewEntry.now(studentId, kind, m.getConfidentiality(), viewer.userId(), summary, detail,
                    MediationProcess.SOURCE_TYPE, m.getId()));
        }
    }

    /** A day someone typed: today means now, so the chronology keeps the order things were done in. */
    private Instant at(LocalDate day) {
        return day.equals(today()) ? clock.instant() : day.atStartOfDay(clock.getZone()).toInstant();
    }

    private String name(Long studentId) {
        return students.findById(studentId).map(Student::displayName).orElse("the student");
    }

    /** Today in the school's time zone, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What has been recorded about the mediation, as the viewer may see it; an entry written to
     * every party's file (the meeting, the decision) is shown once.
     */
    public List<org.pastoralflow.casefile.ChronologyEntry> history(Mediation m, Viewer viewer, String where) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return caseStore.aboutRecord(MediationProcess.SOURCE_TYPE, m.getId(), viewer, null, where).stream()
                .filter(e -> seen.add(e.getKind() + "|" + e.getSummary() + "|" + e.getDetail() + "|" + e.getRecordedBy()))
                .toList();
    }

    private MediationParty party(Mediation m, Long studentId) {
        return parties.findByMediationIdAndStudentId(m.getId(), studentId)
                .orElseThrow(() -> new IllegalStateException("Student " + studentId + " is not a party to " + m.getReference()));
    }

    public Mediation byReference(String reference) {
        return mediations.findByReference(reference).orElseThrow(() -> new NotFoundException("No such mediation"));
    }

    public List<MediationParty> partiesOf(Mediation m) {
        return parties.findByMediationIdOrderByPosition(m.getId());
    }

    public Map<Long, Student> studentsOf(Mediation m) {
        return students.findAllById(partiesOf(m.getId())).stream().collect(Collectors.toMap(Student::getId, Function.identity()));
    }

    /** The mediation as the access policy sees it: its confidentiality and its parties. */
    public Classification classify(Mediation m) {
        return new Classification(MediationProcess.SOURCE_TYPE, m.getId(), m.getConfidentiality(), partiesOf(m.getId()));
    }

    /** The mediation, if the viewer may read it; otherwise the same 404 as one that does not exist. */
    public Mediation readable(String reference, Viewer viewer) {
        return policy.require(viewer, byReference(reference), this::classify);
    }

    public List<Mediation> open(Viewer viewer) {
        return policy.readable(viewer, mediations.findByClosedAtIsNullOrderByRequestedAtDesc(), this::classify);
    }

    public List<Mediation> recentlyClosed(Viewer viewer) {
        return policy.readable(viewer, mediations.findByClosedAtIsNotNullOrderByClosedAtDesc(PageRequest.of(0, 50)), this::classify);
    }

    public List<Mediation> ofStudent(Long studentId, Viewer viewer) {
        List<Mediation> found = new ArrayList<>();
        parties.findByStudentId(studentId).forEach(p -> mediations.findById(p.getMediationId()).ifPresent(found::add));
        return policy.readable(viewer, found, this::classify);
    }

    /** The open tasks the viewer may know of. */
    public List<TaskView> openTasks(Mediation m, Viewer viewer) {
        Classification record = classify(m);
        return inbox.openTasksVisibleTo(m.getProcessInstanceId(), policy.of(viewer), t -> record);
    }
}
