package org.pastoralflow.investigation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pastoralflow.audit.AuditLog;
import org.pastoralflow.casefile.CaseStore;
import org.pastoralflow.casefile.EntryKind;
import org.pastoralflow.casefile.NewEntry;
import org.pastoralflow.forms.FormField;
import org.pastoralflow.security.AccessPolicy;
import org.pastoralflow.security.StaffDirectory;
import org.pastoralflow.security.Viewer;
import org.pastoralflow.student.Student;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the investigation's task forms record: the investigator, each checklist item and its file,
 * the use of force, the outcome and sanctions, the Headteacher's decision and the contact with
 * parents; each filed into the case file of the student it is about.
 */
@Service
public class InvestigationRecording {

    public static final Map<String, String> OUTCOMES = FormField.options(
            Incident.UPHELD, "Upheld", "not-upheld", "Not upheld", "inconclusive", "Inconclusive");
    public static final Map<String, String> CONTACT_METHODS = FormField.options(
            "phone", "Phone", "in-person", "In person", "video", "Video call", "email", "E-mail", "letter", "Letter");

    public record ForceInput(List<Long> studentIds, String staffNames, Instant occurredAt, String place, String leadUp,
                             String deEscalation, String forceType, String forceDescription, int durationMinutes, String reason,
                             String injuries, String supportAfter, Instant parentsToldAt, String parentsToldBy,
                             String parentsToldHow, String parentsToldWhat) {
    }

    public record SanctionInput(Long studentId, Sanction sanction, Integer days) {
    }

    private final Investigations investigations;
    private final IncidentStudentRepository involved;
    private final IncidentCheckRepository checks;
    private final IncidentAttachmentRepository attachments;
    private final UseOfForceRepository forceRecords;
    private final CaseStore caseStore;
    private final StaffDirectory directory;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    InvestigationRecording(Investigations investigations, IncidentStudentRepository involved, IncidentCheckRepository checks,
                           IncidentAttachmentRepository attachments, UseOfForceRepository forceRecords, CaseStore caseStore,
                           StaffDirectory directory, AccessPolicy policy, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.investigations = investigations;
        this.involved = involved;
        this.checks = checks;
        this.attachments = attachments;
        this.forceRecords = forceRecords;
        this.caseStore = caseStore;
        this.directory = directory;
        this.policy = policy;
        this.audit = audit;
    }

    @Transactional
    public void assign(Incident i, String investigator, Viewer viewer) {
        i.assign(investigator);
        if (i.isSafeguarding() && !directory.groupsOf(investigator).contains("dsl")) {
            policy.share(viewer, investigations.classify(i), investigator, "Named investigator of " + i.getReference());
        }
        audit.record(viewer.userId(), "ASSIGN", InvestigationProcess.SOURCE_TYPE, i.getId(), null,
                "Investigator of " + i.getReference() + ": " + investigator);
    }

    /** Marks an item done (with what was found) or not applicable (with why), and files it for the student it is about. */
    @Transactional
    public void recordCheck(Incident i, IncidentCheck item, boolean done, String detail, String reason, Viewer viewer) {
        if (done) {
            item.done(detail, viewer.userId(), clock.instant());
        } else {
            item.notApplicable(reason, viewer.userId(), clock.instant());
        }
        if (item.getKind() == CheckKind.STUDENT_STATEMENT) {
            IncidentStudent s = involved.findByIncidentIdAndStudentId(i.getId(), item.getStudentId()).orElseThrow();
            caseStore.record(NewEntry.now(item.getStudentId(), EntryKind.NOTE, i.detailConfidentiality(), viewer.userId(),
                    (done ? "Statement taken" : "No statement taken") + " about incident " + i.getReference() + " (involved as "
                            + s.getPartLabel().toLowerCase() + ")", done ? detail : "Why: " + reason,
                    InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }

    @Transactional
    public IncidentAttachment attach(Incident i, IncidentCheck item, String fileName, String contentType, byte[] content,
                                     String sha256, Viewer viewer) {
        return attachments.save(new IncidentAttachment(i.getId(), item.getId(), fileName, contentType, content, sha256,
                viewer.userId(), clock.instant()));
    }

    @Transactional
    public void recordUseOfForce(Incident i, ForceInput in, Viewer viewer) {
        UseOfForce record = forceRecords.save(new UseOfForce(i.getId(), in.staffNames(), in.occurredAt(), in.place(), in.leadUp(),
                in.deEscalation(), in.forceType(), in.forceDescription(), in.durationMinutes(), in.reason(), in.injuries(),
                in.supportAfter(), in.parentsToldAt(), in.parentsToldBy(), in.parentsToldHow(), in.parentsToldWhat(), viewer.userId(),
                clock.instant()));
        Map<Long, Student> byId = investigations.studentsById(in.studentIds());
        for (Long studentId : in.studentIds()) {
            IncidentStudent s = involved.findByIncidentIdAndStudentId(i.getId(), studentId).orElseThrow();
            s.forceUsed(byId.get(studentId).getSenStatus());
            caseStore.record(new NewEntry(studentId, EntryKind.NOTE, i.detailConfidentiality(), in.occurredAt(), viewer.userId(),
                    "Reasonable force used (" + i.getReference() + "): " + record.getForceTypeLabel().toLowerCase() + ", "
                            + in.durationMinutes() + " min, by " + in.staffNames(),
                    "Why: " + record.getReasonLabel() + "\nWhat led up to it: " + in.leadUp() + "\nDe-escalation tried: "
                            + in.deEscalation() + "\nInjuries: " + in.injuries() + "\nSupport afterwards: " + in.supportAfter(),
                    InvestigationProcess.SOURCE_TYPE, i.getId()));
            caseStore.record(new NewEntry(studentId, EntryKind.CONTACT_HOME, i.detailConfidentiality(), in.parentsToldAt(),
                    viewer.userId(), "Parents told of the use of force (" + i.getReference() + "): " + in.parentsToldBy() + " by "
                            + CONTACT_METHODS.get(in.parentsToldHow()).toLowerCase(), in.parentsToldWhat(),
                    InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
        IncidentCheck item = checks.findFirstByIncidentIdAndKind(i.getId(), CheckKind.USE_OF_FORCE).orElseThrow();
        item.done("Force used on " + in.studentIds().stream().map(id -> byId.get(id).displayName())
                .collect(Collectors.joining(", ")) + "; parents told " + investigations.when(in.parentsToldAt()), viewer.userId(), clock.instant());
    }

    @Transactional
    public void recordOutcome(Incident i, String outcome, String rationale, List<SanctionInput> sanctions, boolean mediation,
                              boolean support, Viewer viewer) {
        i.outcome(outcome, rationale, mediation, support, viewer.userId(), clock.instant());
        Map<Long, SanctionInput> byStudent = sanctions.stream().collect(Collectors.toMap(SanctionInput::studentId, Function.identity()));
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(i.getId())) {
            SanctionInput in = byStudent.get(s.getStudentId());
            if (in != null) {
                s.sanction(in.sanction(), in.days());
            }
            caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.DECISION, i.detailConfidentiality(), viewer.userId(),
                    "Outcome of the investigation of incident " + i.getReference() + ": " + OUTCOMES.get(outcome).toLowerCase(),
                    rationale, InvestigationProcess.SOURCE_TYPE, i.getId()));
            if (in != null && in.sanction() != Sanction.NONE) {
                caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.DECISION, i.detailConfidentiality(), viewer.userId(),
                        "Sanction after incident " + i.getReference() + ": " + describe(in)
                                + (in.sanction().needsHeadApproval() ? " (proposed, for the Headteacher's approval)" : ""),
                        null, InvestigationProcess.SOURCE_TYPE, i.getId()));
            }
        }
    }

    static String describe(SanctionInput in) {
        return in.sanction().label().toLowerCase() + (in.sanction() == Sanction.SUSPENSION ? " for " + in.days() + " school days" : "");
    }

    @Transactional
    public void recordHeadDecision(Incident i, boolean approved, String notes, Viewer viewer) {
        i.headDecision(approved ? "approved" : "not-approved", notes, viewer.userId(), clock.instant());
        for (IncidentStudent s : involved.findByIncidentIdOrderByPosition(i.getId())) {
            if (!IncidentStudent.PROPOSED.equals(s.getSanctionStatus())) {
                continue;
            }
            s.headDecided(approved);
            caseStore.record(NewEntry.now(s.getStudentId(), EntryKind.DECISION, i.detailConfidentiality(), viewer.userId(),
                    "Headteacher " + (approved ? "approved" : "did not approve") + " the " + describe(new SanctionInput(
                            s.getStudentId(), s.sanctionValue(), s.getSuspensionDays())) + " (" + i.getReference() + ")",
                    notes, InvestigationProcess.SOURCE_TYPE, i.getId()));
        }
    }

    @Transactional
    public void recordParentContact(Incident i, IncidentCheck item, String with, String method, Instant at, String said,
                                    Viewer viewer) {
        item.contact(with, method, at);
        item.done(said, viewer.userId(), clock.instant());
        caseStore.record(new NewEntry(item.getStudentId(), EntryKind.CONTACT_HOME, i.detailConfidentiality(), at, viewer.userId(),
                "Parents contacted about incident " + i.getReference() + ": " + with + " by " + CONTACT_METHODS.get(method).toLowerCase(),
                said, InvestigationProcess.SOURCE_TYPE, i.getId()));
    }
}
