package org.pastoralflow.referral;

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
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.pastoralflow.student.StudentRepository;
import org.pastoralflow.workflow.Deadlines;
import org.pastoralflow.forms.FormData;
import org.pastoralflow.workflow.Processes;
import org.pastoralflow.workflow.References;
import org.pastoralflow.workflow.TaskInbox;
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

    public ReferralService(ReferralRepository referrals, ExternalReferralRepository externalReferrals,
                           StudentRepository students, CaseStore caseStore, Processes processes, TaskInbox inbox,
                           Notifier notifier, References references, Deadlines deadlines,
                           @Value("${pastoral.zone:Europe/London}") ZoneId zone) {
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
    }

    /**
     * Records the concern and starts the referral process in one transaction: the raiser gets a
     * reference only once both exist. Any member of staff may raise a concern.
     */
    @Transactional
    public Referral raise(FormData data, Viewer raiser) {
        Student student = readStudent(data);
        String category = data.oneOf("category", "Category", ReferralCategory.options().keySet());
        String description = data.text("description", "What you saw or heard", 20000, true);
        String childWords = data.text("childWords", "The child's own words", 20000, false);
        LocalDateTime when = data.dateTime("occurredAt", "When it happened");
        String location = data.text("location", "Where it happened", 200, false);
        boolean immediateRisk = data.flag("immediateRisk");
        if (when != null && when.atZone(zone).toInstant().isAfter(Instant.now().plusSeconds(300))) {
            data.reject("occurredAt", "When it happened cannot be in the future.");
        }
        data.throwIfInvalid();

        Referral referral = referrals.save(new Referral(references.next("R", "referral_number_seq"), student.getId(), category, description,
                childWords, when.atZone(zone).toInstant(), location, immediateRisk, raiser.userId()));
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
        if (!ReferralCategory.options().containsKey(category)) {
            throw new IllegalArgumentException("No referral category " + category);
        }
        Referral referral = new Referral(references.next("R", "referral_number_seq"), studentId, category, description,
                childWords, occurredAt, location, immediateRisk, raisedBy);
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
        variables.put(ReferralProcess.CATEGORY, referral.getCategory());
        variables.put(ReferralProcess.IMMEDIATE_RISK, referral.isImmediateRisk());
        referral.started(processes.start(ReferralProcess.KEY, referral.getReference(), variables));
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
                "/inbox");
    }

    /** Service task "Escalate to other DSLs and Head": only when nobody has picked the review up. */
    @Transactional
    public boolean escalateUntouchedReview(Long referralId, String processInstanceId) {
        Referral r = referral(referralId);
        if (!inbox.isUnclaimed(processInstanceId, ReferralProcess.TASK_DSL_REVIEW)) {
            return false;
        }
        // The review stays with the DSL group: a safeguarding concern is readable by the DSLs only, so the
        // Headteacher is told to make sure one of them takes it, and is not offered a review they could not read.
        inbox.raisePriority(processInstanceId, ReferralProcess.TASK_DSL_REVIEW, ESCALATED_PRIORITY);
        caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.ESCALATION, Confidentiality.SAFEGUARDING, "system",
                "DSL review of " + r.getReference() + " not picked up by its deadline: every DSL and the Headteacher told, "
                        + "and the review moved to the top of the DSL inbox", null, ReferralProcess.SOURCE_TYPE, r.getId()));
        notifier.toGroups(List.of("dsl"), "Overdue DSL review " + r.getReference(),
                "A DSL review is past its deadline and nobody has picked it up. It is now at the top of the DSL inbox.", "/inbox");
        notifier.toGroups(List.of("slt"), "Overdue DSL review " + r.getReference(),
                "A DSL review is past its deadline and no DSL has picked it up. Please make sure a DSL takes it today. "
                        + "What the concern says is for the DSL group only, so it is not in this e-mail; the overdue tasks "
                        + "dashboard shows it among the DSL group's.", "/dashboards");
        return true;
    }

    /** Service task "Remind to chase the agency". */
    @Transactional
    public void remindChase(Long referralId, String ownerGroup) {
        Referral r = referral(referralId);
        caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.ESCALATION, Confidentiality.forGroup(ownerGroup), "system",
                "No feedback from the agency on " + r.getReference() + " within "
                        + deadlines.schoolDaysFor("referral.agency-feedback") + " school days: chase it", null,
                ReferralProcess.SOURCE_TYPE, r.getId()));
        notifier.toGroups(List.of(ownerGroup), "Chase agency feedback for " + r.getReference(),
                "No feedback has been recorded from the agency yet. Please chase it.", "/inbox");
    }

    @Transactional
    public ChronologyEntry recordDecision(Referral r, String what, String rationale, Confidentiality confidentiality,
                                          Stage next, Viewer viewer) {
        r.moveTo(next);
        return caseStore.record(NewEntry.now(r.getStudentId(), EntryKind.DECISION, confidentiality, viewer.userId(),
                what + " (" + r.getReference() + ")", rationale, ReferralProcess.SOURCE_TYPE, r.getId()));
    }

    @Transactional
    public ExternalReferral recordExternalReferral(Referral r, String agency, LocalDate on, String agencyReference,
                                                   String notes, Confidentiality confidentiality, Viewer viewer) {
        ExternalReferral ext = externalReferrals.save(new ExternalReferral(r.getId(), agency, on, agencyReference, viewer.userId()));
        r.moveTo(Stage.EXTERNAL);
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

    public List<ExternalReferral> externalReferralsOf(Long referralId) {
        return externalReferrals.findByReferralIdOrderByRecordedAtAsc(referralId);
    }

    @Transactional
    public void moveTo(Referral r, Stage stage) {
        r.moveTo(stage);
    }

    /** Hands the referral to another group, e.g. a PSO after the DSL's decision. */
    @Transactional
    public void handTo(Referral r, String group) {
        r.handTo(group);
    }

    /** Whoever holds the referral now decides how confidential its next entries are. */
    public Confidentiality confidentialityNow(Referral r) {
        return Confidentiality.forGroup(r.getRoute() == null ? "pso" : r.getRoute());
    }
}
