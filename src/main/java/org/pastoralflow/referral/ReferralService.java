package org.pastoralflow.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.ChronologyEntry;
import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.notification.Notifier;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
import org.pastoralflow.workflow.TaskView;
import org.pastoralflow.forms.Coded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The referral workflow's application service: what the pages, the API and the delegates ask for. */
@Service
public class ReferralService {

    /** The priority of an immediate-risk review: an escalated review joins them at the top of the DSL inbox. */
    static final int ESCALATED_PRIORITY = 100;

    private final ReferralRepository referrals;
    private final ExternalReferralRepository externalReferrals;
    private final StudentRepository students;
    private final CaseStore caseStore;
    private final Processes processes;
    private final TaskInbox inbox;
    private final Notifier notifier;
    private final References references;
    private final Deadlines deadlines;
    private final ZoneId zone;
    private final Clock clock;
    private final AccessPolicy policy;

    static final String EXTERNAL_REFERRAL = "external-referral";

    public ReferralService(ReferralRepository referrals, ExternalReferralRepository externalReferrals,
                           StudentRepository students, CaseStore caseStore, Processes processes, TaskInbox inbox,
                           Notifier notifier, References references, Deadlines deadlines,
                           @Value("${pastoral.zone:Europe/London}") ZoneId zone, AccessPolicy policy, Clock clock) {
        this.policy = policy;
        this.referrals = referrals;
        this.externalReferrals = externalReferrals;
        this.students = students;
        this.caseStore = caseStore;
        this.processes = processes;
        this.inbox = inbox;
        this.notifier = notifier;
        this.references = references;
        this.deadlines = deadlines;
        this.zone = zone;
        this.clock = clock;
    }

    /** Today in the school's time zone, by the application's clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Records the concern and starts the referral process in one transaction: the raiser gets a
     * reference only once both exist. Any member of staff may raise a concern.
     */
    @Transactional
    public Referral raise(FormData data, Viewer raiser) {
        Student student = readStudent(data);
        String category = data.oneOf("category", "Category", Coded.options(ReferralCategory.class).keySet());
        String description = data.text("description", "What you saw or heard", 20000, true);
        String childWords = data.text("childWords", "The child's own words", 20000, false);
        LocalDateTime when = data.dateTime("occurredAt", "When it happened");
        String location = data.text("location", "Where it happened", 200, false);
        boolean immediateRisk = data.flag("immediateRisk");
        if (when != null && when.atZone(zone).toInstant().isAfter(clock.instant().plusSeconds(300))) {
            data.reject("occurredAt", "When it happened cannot be in the future.");
        }
        data.throwIfInvalid();

        Referral referral = referrals.save(new Referral(references.next("R", "referral_number_seq"), student.getId(), category, description,
                childWords, when.atZone(zone).toInstant(), location, immediateRisk, raiser.userId(), clock.instant()));
        start(referral);
        return referral;
    }

    /**
     * A referral raised by another workflow on behalf of the person who recorded what it is
     * about, e.g. an investigation of harmful sexual behaviour. It runs the same process as a
     * concern raised by hand and points back at the record it came from.
     */
    @Transactional
    public Referral raiseFrom(String sourceType, String sourceReference, Long studentId, String category,
                              String description, Instant occurredAt, String location, String raisedBy) {
        return raiseFrom(sourceType, sourceReference, studentId, category, description, null, occurredAt, location, false,
                raisedBy);
    }

    /** The same, for a concern raised by a person inside another workflow: the child's words and immediate risk kept. */
    @Transactional
    public Referral raiseFrom(String sourceType, String sourceReference, Long studentId, String category,
                              String description, String childWords, Instant occurredAt, String location,
                              boolean immediateRisk, String raisedBy) {
        if (!Coded.options(ReferralCategory.class).containsKey(category)) {
            throw new IllegalArgumentException("No referral category " + category);
        }
        Referral referral = new Referral(references.next("R", "referral_number_seq"), studentId, category, description,
                childWords, occurredAt, location, immediateRisk, raisedBy, clock.instant());
        referral.raisedFrom(sourceType, sourceReference);
        referral = referrals.save(referral);
        start(referral);
        return referral;
    }

    private void start(Referral referral) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ReferralProcess.REFERRAL_ID, referral.getId());
        variables.put(ReferralProcess.STUDENT_ID, referral.getStudentId());
        variables.put(ReferralProcess.REFERENCE, referral.getReference());
        variables.put(ReferralProcess.IMMEDIATE_RISK, referral.isImmediateRisk());
        // the routing table runs before the first wait state: the category and the year group reach it and nothing else
        Map<String, Object> facts = new HashMap<>();
        facts.put(ReferralProcess.CATEGORY, referral.getCategory());
        facts.put(ReferralProcess.YEAR_GROUP, students.findById(referral.getStudentId()).map(Student::getYearGroup).orElse(null));
        referral.started(processes.start(ReferralProcess.KEY, referral.getReference(), variables, facts));
    }

    private Student readStudent(FormData data) {
        Optional<Student> student = Optional.empty();
        String upn = data.optional("upn");
        String id = data.optional("studentId");
        if (upn != null) {
            student = students.findByUpn(upn.toUpperCase());
            if (student.isEmpty()) {
                data.reject("upn", "No student with UPN " + upn + ".");
            }
        } else if (id != null && id.matches("\\d{1,18}")) {
            student = students.findById(Long.valueOf(id));
            if (student.isEmpty()) {
                data.reject("studentId", "No such student.");
            }
        } else {
            data.reject(id == null ? "upn" : "studentId", "Choose the student the concern is about.");
        }
        return student.orElse(null);
    }

    /** Service task "Add concern to case file": the route decides who may read it. */
    @Transactional
    public void addConcernToCaseFile(Long referralId, String route) {
        Referral r = referral(referralId);
        r.routed(route);
        StringBuilder detail = new StringBuilder(r.getDescription());
        if (r.getChildWords() != null) {
            detail.append("\n\nThe child's words: \u201c").append(r.getChildWords()).append("\u201d");
        }
        if (r.getLocation() != null) {
            detail.append("\n\nWhere: ").append(r.getLocation());
        }
        caseStore.record(new NewEntry(r.getStudentId(), EntryKind.CONCERN, Confidentiality.forGroup(route),
                r.getOccurredAt(), r.getRaisedBy(),
                (r.isImmediateRisk() ? "IMMEDIATE RISK – " : "") + "Concern (" + r.getCategoryLabel() + ") " + r.getReference(),
                detail.toString(), ReferralProcess.SOURCE_TYPE, r.getId()));
    }

    /** Service task "Alert the DSLs now". */
    @Transactional
    public void alertDsls(Long referralId) {
        Referral r = referral(referralId);
        notifier.toGroups(List.of("dsl"), "URGENT: immediate-risk concern " + r.getReference(),
                "A member of staff has raised a concern with immediate risk. It is at the top of the DSL inbox now.",
                "/inbox", classify(r));
    }

    /** Service task "Check whether a DSL has it": whether the DSL review still waits for someone to pick it up. */
    public boolean dslReviewUnclaimed(String processInstanceId) {
        return inbox.isUnclaimed(processInstanceId, ReferralProcess.TASK_DSL_REVIEW);
    }

    /**
     * Service task "Escalate to other DSLs and Head". The model comes here only when the review is
     * still unclaimed at its deadline (gateway "Still unclaimed?").
     */
    @Transactional
    public void escalateUntouchedReview(Long referralId, String processInstanceId) {
        Referral r = referral(referralId);
        // The review stays with the DSL group: a safeguarding concern is readable by the DSLs only, so the
        // Headteacher is told to make sure one of them takes it, and is not offered a review they could not read.
        inbox.raisePriority(processInstanceId, ReferralProcess.TASK_DSL_REVIEW, ESCALATED_PRIORITY);
        caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.ESCALATION, Confidentiality.SAFEGUARDING, "system",
                "DSL review of " + r.getReference() + " not picked up by its deadline: every DSL and the Headteacher told, "
                        + "and the review moved to the top of the DSL inbox", null, ReferralProcess.SOURCE_TYPE, r.getId()));
        notifier.toGroups(List.of("dsl"), "Overdue DSL review " + r.getReference(),
                "A DSL review is past its deadline and nobody has picked it up. It is now at the top of the DSL inbox.", "/inbox",
                classify(r));
        // the Headteacher cannot read the concern: no reference, no link to it
        notifier.toGroups(List.of("slt"), "A DSL review is overdue",
                "A DSL review is past its deadline and no DSL has picked it up. Please make sure a DSL takes it today. "
                        + "What the concern says is for the DSL group only, so it is not in this e-mail; the overdue tasks "
                        + "dashboard shows it among the DSL group's.", "/dashboards", null);
    }

    /** Service task "Remind to chase the agency". */
    @Transactional
    public void remindChase(Long referralId, String ownerGroup) {
        Referral r = referral(referralId);
        caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.ESCALATION, Confidentiality.forGroup(ownerGroup), "system",
                "No feedback from the agency on " + r.getReference() + " within "
                        + deadlines.schoolDaysFor("referral.agency-feedback") + " school days: chase it", null,
                ReferralProcess.SOURCE_TYPE, r.getId()));
        Classification about = externalReferrals.findFirstByReferralIdAndFeedbackOnIsNullOrderByRecordedAtDesc(r.getId())
                .map(x -> Classification.of(EXTERNAL_REFERRAL, x.getId(), x.getConfidentiality(), r.getStudentId()))
                .orElse(classify(r));
        notifier.toGroups(List.of(ownerGroup), "Chase agency feedback for " + r.getReference(),
                "No feedback has been recorded from the agency yet. Please chase it.", "/inbox", about);
    }

    @Transactional
    public ChronologyEntry recordDecision(Referral r, String what, String rationale, Confidentiality confidentiality,
                                          Stage next, Viewer viewer) {
        r.moveTo(next, clock.instant());
        return caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.DECISION, confidentiality, viewer.userId(),
                what + " (" + r.getReference() + ")", rationale, ReferralProcess.SOURCE_TYPE, r.getId()));
    }

    @Transactional
    public ExternalReferral recordExternalReferral(Referral r, String agency, LocalDate on, String agencyReference,
                                                   String notes, Confidentiality confidentiality, Viewer viewer) {
        ExternalReferral ext = externalReferrals.save(new ExternalReferral(r.getId(), agency, on, agencyReference, viewer.userId(),
                confidentiality, clock.instant()));
        r.moveTo(Stage.EXTERNAL, clock.instant());
        caseStore.record(new NewEntry(r.getStudentId(), EntryKind.EXTERNAL_REFERRAL, confidentiality,
                on.atStartOfDay(zone).toInstant(), viewer.userId(),
                "Referred to " + ext.getAgencyLabel() + (agencyReference == null ? "" : ", their reference " + agencyReference),
                notes, ReferralProcess.SOURCE_TYPE, r.getId()));
        return ext;
    }

    @Transactional
    public void recordAgencyFeedback(Referral r, LocalDate on, String feedback, String outcome,
                                     Confidentiality confidentiality, Viewer viewer) {
        externalReferrals.findFirstByReferralIdAndFeedbackOnIsNullOrderByRecordedAtDesc(r.getId())
                .ifPresent(ext -> ext.feedback(on, feedback, outcome));
        caseStore.record(new NewEntry(r.getStudentId(), EntryKind.AGENCY_FEEDBACK, confidentiality,
                on.atStartOfDay(zone).toInstant(), viewer.userId(), "Feedback from the agency (" + r.getReference() + ")",
                feedback, ReferralProcess.SOURCE_TYPE, r.getId()));
    }

    public Referral referral(Long id) {
        return referrals.findById(id).orElseThrow(() -> new IllegalStateException("No referral " + id));
    }

    public Optional<Referral> byReference(String reference) {
        return referrals.findByReference(reference);
    }

    public List<Referral> raisedBy(Viewer viewer) {
        return referrals.findByRaisedByOrderByRaisedAtDesc(viewer.userId());
    }

    public List<Referral> aboutStudent(Long studentId) {
        return referrals.findByStudentIdOrderByRaisedAtDesc(studentId);
    }

    /** The referral's external referrals the viewer may read: each is as confidential as the decision that made it. */
    public List<ExternalReferral> externalReferralsOf(Referral r, Viewer viewer) {
        return policy.readable(viewer, externalReferrals.findByReferralIdOrderByRecordedAtAsc(r.getId()),
                x -> Classification.of(EXTERNAL_REFERRAL, x.getId(), x.getConfidentiality(), r.getStudentId()));
    }

    /** The concern itself (what was seen or heard, the child's words) as the access policy sees it. */
    public static Classification classify(Referral r) {
        return Classification.of(ReferralProcess.SOURCE_TYPE, r.getId(), r.getConfidentiality(), r.getStudentId());
    }

    /** Whether the viewer may read the concern itself, not only what was handed to them. */
    public boolean concernReadable(Referral r, Viewer viewer) {
        return policy.mayRead(viewer, classify(r));
    }

    /**
     * Whether the referral exists for this viewer at all: they may read the concern, or something
     * recorded about it (the handover note a DSL wrote for the PSO who now supports the child).
     */
    public boolean knownTo(Referral r, Viewer viewer) {
        return concernReadable(r, viewer) || caseStore.knows(ReferralProcess.SOURCE_TYPE, r.getId(), viewer);
    }

    /**
     * What every page and task form about a referral shows, as the viewer may read it: the concern
     * ({@code referral}) only when they may read it, otherwise {@code handedOver} (they see what was
     * handed to them, in the history); what has been recorded about it; its external referrals.
     */
    @Transactional
    public Map<String, Object> caseModel(Referral r, Viewer viewer, String where) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", r.getReference());
        if (concernReadable(r, viewer)) {
            model.put("referral", r);
        } else {
            model.put("handedOver", true);
        }
        model.put("history", caseStore.aboutRecord(ReferralProcess.SOURCE_TYPE, r.getId(), viewer, r.getStudentId(), where));
        model.put("externalReferrals", externalReferralsOf(r, viewer));
        return model;
    }

    /**
     * The note a decision-maker writes for the group a referral is handed to when that group may
     * not read what came before (a DSL handing a child to a PSO for support): what they need to
     * know, written for them, at their group's confidentiality.
     */
    @Transactional
    public void recordHandover(Referral r, String note, String toGroup, Viewer viewer) {
        caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.HANDOVER, Confidentiality.forGroup(toGroup), viewer.userId(),
                "Handover note for " + groupName(toGroup) + " (" + r.getReference() + ")", note, ReferralProcess.SOURCE_TYPE, r.getId()));
    }

    static String groupName(String group) {
        return switch (group) {
            case "pso" -> "the PSOs";
            case "senco" -> "the SENCO";
            case "dsl" -> "the DSL";
            default -> group;
        };
    }

    /** The referral's open tasks the viewer may know of (a PSO does not see that it went back to the DSL). */
    public List<TaskView> openTasksVisibleTo(Referral r, Viewer viewer) {
        Classification record = classify(r);
        return inbox.openTasksVisibleTo(r.getProcessInstanceId(), policy.of(viewer), t -> record);
    }

    /** The student's referrals that exist for the viewer, newest first. */
    public List<Referral> knownAbout(Long studentId, Viewer viewer) {
        return aboutStudent(studentId).stream().filter(r -> r.getRoute() != null && knownTo(r, viewer)).toList();
    }

    @Transactional
    public void moveTo(Referral r, Stage stage) {
        r.moveTo(stage, clock.instant());
    }

    /**
     * Service task "Hand the referral on": the record follows the hand-over table's answer, e.g. to a
     * PSO after the DSL's decision. A decision that closes has no answer and leaves the referral with
     * whoever held it, so that what they recorded stays as confidential as they left it.
     */
    @Transactional
    public void handOn(Long referralId, String group) {
        if (group != null) {
            referral(referralId).handTo(group);
        }
    }

    /** Whoever holds the referral now decides how confidential its next entries are. */
    public Confidentiality confidentialityNow(Referral r) {
        return Confidentiality.forGroup(r.getRoute() == null ? "pso" : r.getRoute());
    }
}
