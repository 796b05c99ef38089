package org.pastoralflow.transition;

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
 * A student leaving the school, and the transfer of their child protection file to the receiving
 * school or college: sent separately from the pupil file, and its receipt confirmed (KCSIE).
 */
@Entity
public class Leaver {

    public static final String IN_YEAR = "in-year";
    public static final String END_OF_YEAR_11 = "end-of-year-11";
    public static final Map<String, String> REASONS = FormField.options(
            IN_YEAR, "Moving to another school during the year", END_OF_YEAR_11, "End of Year 11",
            "other", "Other (elective home education, moving abroad, not known)");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "leaver_seq")
    @SequenceGenerator(name = "leaver_seq", sequenceName = "leaver_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private LocalDate leavingOn;
    private String reason;
    private String destinationName;
    private String destinationUrn;
    private String recordedBy;
    private Instant recordedAt;
    private LocalDate transferDueOn;
    private Boolean hasCpFile;
    private String sentTo;
    private LocalDate sentOn;
    private String sentHow;
    private String sentBy;
    private String noDestinationNotes;
    private String exportSha256;
    private String exportedBy;
    private Instant exportedAt;
    private LocalDate receiptOn;
    private String receiptFrom;
    private String receiptRecordedBy;
    private Instant closedAt;
    private String processInstanceId;
    @Version
    private long version;

    protected Leaver() {
    }

    Leaver(String reference, Long studentId, LocalDate leavingOn, String reason, String destinationName, String destinationUrn,
           String recordedBy, LocalDate transferDueOn, Instant at) {
        this.reference = reference;
        this.studentId = studentId;
        this.leavingOn = leavingOn;
        this.reason = reason;
        this.destinationName = destinationName;
        this.destinationUrn = destinationUrn;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
        this.transferDueOn = transferDueOn;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void checked(boolean hasCpFile) {
        this.hasCpFile = hasCpFile;
    }

    void sent(String to, String urn, LocalDate on, String how, String by) {
        this.sentTo = to;
        this.destinationName = to;
        this.destinationUrn = urn;
        this.sentOn = on;
        this.sentHow = how;
        this.sentBy = by;
    }

    void noDestination(String notes, String by) {
        this.noDestinationNotes = notes;
        this.sentBy = by;
    }

    void exported(String sha256, String by, Instant at) {
        this.exportSha256 = sha256;
        this.exportedBy = by;
        this.exportedAt = at;
    }

    void receipt(LocalDate on, String from, String by) {
        this.receiptOn = on;
        this.receiptFrom = from;
        this.receiptRecordedBy = by;
    }

    void close(Instant at) {
        this.closedAt = at;
    }

    public String reasonLabel() {
        return REASONS.getOrDefault(reason, reason);
    }

    public boolean isEndOfYear11() {
        return END_OF_YEAR_11.equals(reason);
    }

    /** Where the transfer stands, in words a DSL uses. */
    public String status() {
        if (hasCpFile == null) {
            return "Checking for a child protection file";
        }
        if (!hasCpFile) {
            return "No child protection file to transfer";
        }
        if (receiptOn != null) {
            return "CP file received by " + receiptFrom + " on " + Transitions.day(receiptOn);
        }
        if (sentOn != null) {
            return "CP file sent to " + sentTo + " on " + Transitions.day(sentOn) + ": waiting for confirmation of receipt";
        }
        if (noDestinationNotes != null) {
            return "No receiving school or college: file kept, local authority told";
        }
        return "CP file to transfer by " + Transitions.day(transferDueOn);
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

    public LocalDate getLeavingOn() {
        return leavingOn;
    }

    public String getReason() {
        return reason;
    }

    public String getDestinationName() {
        return destinationName;
    }

    public String getDestinationUrn() {
        return destinationUrn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public LocalDate getTransferDueOn() {
        return transferDueOn;
    }

    public Boolean getHasCpFile() {
        return hasCpFile;
    }

    public String getSentTo() {
        return sentTo;
    }

    public LocalDate getSentOn() {
        return sentOn;
    }

    public String getSentHow() {
        return sentHow;
    }

    public String getSentBy() {
        return sentBy;
    }

    public String getNoDestinationNotes() {
        return noDestinationNotes;
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

    public LocalDate getReceiptOn() {
        return receiptOn;
    }

    public String getReceiptFrom() {
        return receiptFrom;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
