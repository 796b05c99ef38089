package org.pastoralflow.subjectaccess;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.pastoralflow.forms.FormField;

/**
 * A subject access request about one student (UK GDPR Art. 15): who asked, how their identity was
 * checked, when it arrived and how the reply goes; then the DSL's review, the export and its
 * sending, against the one-month deadline of Art. 12(3).
 */
@Entity
public class SubjectAccessRequest {

    public static final String REPRESENTATIVE = "representative";
    public static final Map<String, String> RELATIONSHIPS = FormField.options(
            "parent-carer", "Parent or carer",
            "student", "The student themself",
            REPRESENTATIVE, "Someone acting for them (a solicitor or advocate, say)");
    public static final String OTHER_CHECK = "other";
    public static final Map<String, String> IDENTITY_CHECKS = FormField.options(
            "known", "Known to the school: a contact on the MIS, or the student themself",
            "photo-id", "Photo ID seen",
            "documents", "Documents checked (proof of address, birth certificate)",
            OTHER_CHECK, "Another way (say how)");
    public static final Map<String, String> REPLY_METHODS = FormField.options(
            "email", "By e-mail, encrypted",
            "post", "By post, recorded delivery",
            "in-person", "Collected in person");
    public static final Map<String, String> TOLD_HOW = FormField.options(
            "email", "By e-mail", "post", "By letter", "phone", "By phone", "in-person", "In person");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subject_access_request_seq")
    @SequenceGenerator(name = "subject_access_request_seq", sequenceName = "subject_access_request_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private String requesterName;
    private String relationship;
    private String actingFor;
    private String identityCheck;
    private String identityNotes;
    private LocalDate receivedOn;
    private String replyMethod;
    private String replyTo;
    private String loggedBy;
    private Instant loggedAt;
    private LocalDate dueOn;
    private String extensionReason;
    private String extendedBy;
    private Instant extendedAt;
    private LocalDate requesterToldOn;
    private String requesterToldHow;
    private Instant warnedAt;
    private Instant escalatedAt;
    private String reviewedBy;
    private Instant reviewedAt;
    private String exportSha256;
    private String exportedBy;
    private Instant exportedAt;
    private String producedBy;
    private Instant producedAt;
    private LocalDate sentOn;
    private String sentHow;
    private String sentTo;
    private String sentNotes;
    private String sentBy;
    private String processInstanceId;
    @Version
    private long version;

    protected SubjectAccessRequest() {
    }

    SubjectAccessRequest(String reference, Long studentId, Requester requester, LocalDate receivedOn, String replyMethod,
                         String replyTo, String loggedBy, Instant loggedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.requesterName = requester.name();
        this.relationship = requester.relationship();
        this.actingFor = requester.actingFor();
        this.identityCheck = requester.identityCheck();
        this.identityNotes = requester.identityNotes();
        this.receivedOn = receivedOn;
        this.replyMethod = replyMethod;
        this.replyTo = replyTo;
        this.loggedBy = loggedBy;
        this.loggedAt = loggedAt;
        this.dueOn = deadline().due();
    }

    /** Who asked and how the school knows it is them, as logged. */
    record Requester(String name, String relationship, String actingFor, String identityCheck, String identityNotes) {
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void extended(String reason, LocalDate toldOn, String toldHow, String by, Instant at) {
        this.extensionReason = reason;
        this.requesterToldOn = toldOn;
        this.requesterToldHow = toldHow;
        this.extendedBy = by;
        this.extendedAt = at;
        this.dueOn = deadline().due();
    }

    void warned(Instant at) {
        this.warnedAt = at;
    }

    void escalated(Instant at) {
        this.escalatedAt = at;
    }

    void reviewed(String by, Instant at) {
        this.reviewedBy = by;
        this.reviewedAt = at;
    }

    void exported(String sha256, String by, Instant at) {
        this.exportSha256 = sha256;
        this.exportedBy = by;
        this.exportedAt = at;
    }

    void produced(String by, Instant at) {
        this.producedBy = by;
        this.producedAt = at;
    }

    void sent(LocalDate on, String how, String to, String notes, String by) {
        this.sentOn = on;
        this.sentHow = how;
        this.sentTo = to;
        this.sentNotes = notes;
        this.sentBy = by;
    }

    /** One calendar month from the day received, or three once extended (UK GDPR Art. 12(3)). */
    public ResponseDeadline deadline() {
        return new ResponseDeadline(receivedOn, isExtended() ? ResponseDeadline.EXTENDED_MONTHS : 1);
    }

    public boolean isExtended() {
        return extendedAt != null;
    }

    public boolean isReviewed() {
        return reviewedAt != null;
    }

    public boolean isSent() {
        return sentOn != null;
    }

    /** The export may be downloaded between the review and the sending; after that, what was sent is what counts. */
    public boolean mayExport() {
        return isReviewed() && !isSent();
    }

    /** An export downloaded since the review: the one the DSL has checked. */
    public boolean isExportedSinceReview() {
        return exportedAt != null && reviewedAt != null && !exportedAt.isBefore(reviewedAt);
    }

    /** Where the request stands, in words the office and the DSL use; never what it holds. */
    public String status() {
        if (isSent()) {
            return "Sent";
        }
        if (producedAt != null) {
            return "Export ready, to send";
        }
        if (isReviewed()) {
            return "Export being produced";
        }
        return "Waiting for the DSL's review";
    }

    public boolean isOverdue(LocalDate today) {
        return !isSent() && today.isAfter(dueOn);
    }

    public String relationshipLabel() {
        return RELATIONSHIPS.getOrDefault(relationship, relationship);
    }

    public String identityCheckLabel() {
        return IDENTITY_CHECKS.getOrDefault(identityCheck, identityCheck);
    }

    public String replyMethodLabel() {
        return REPLY_METHODS.getOrDefault(replyMethod, replyMethod);
    }

    public String sentHowLabel() {
        return sentHow == null ? null : REPLY_METHODS.getOrDefault(sentHow, sentHow);
    }

    public String requesterToldHowLabel() {
        return requesterToldHow == null ? null : TOLD_HOW.getOrDefault(requesterToldHow, requesterToldHow);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getRequesterName() {
        return requesterName;
    }

    public String getRelationship() {
        return relationship;
    }

    public String getActingFor() {
        return actingFor;
    }

    public String getIdentityCheck() {
        return identityCheck;
    }

    public String getIdentityNotes() {
        return identityNotes;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public String getReplyMethod() {
        return replyMethod;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public String getExtensionReason() {
        return extensionReason;
    }

    public String getExtendedBy() {
        return extendedBy;
    }

    public Instant getExtendedAt() {
        return extendedAt;
    }

    public LocalDate getRequesterToldOn() {
        return requesterToldOn;
    }

    public Instant getWarnedAt() {
        return warnedAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public String getExportSha256() {
        return exportSha256;
    }

    public String getExportedBy() {
        return exportedBy;
    }

    public Instant getExportedAt() {
        return exportedAt;
    }

    public String getProducedBy() {
        return producedBy;
    }

    public Instant getProducedAt() {
        return producedAt;
    }

    public LocalDate getSentOn() {
        return sentOn;
    }

    public String getSentTo() {
        return sentTo;
    }

    public String getSentNotes() {
        return sentNotes;
    }

    public String getSentBy() {
        return sentBy;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
