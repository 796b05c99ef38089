package org.pastoralflow.family;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.pastoralflow.forms.Coded;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

/**
 * One contact with home: how, with whom, when, what was said and agreed, at the confidentiality its
 * writer chose; and the follow-up it may ask for, which is a task for the person who logged it
 * (contact-follow-up.bpmn) until they record it done.
 */
@Entity
@Table(name = "contact_log")
public class ContactLogEntry {

    public static final String RECORD_TYPE = "contact-log";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_log_seq")
    @SequenceGenerator(name = "contact_log_seq", sequenceName = "contact_log_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private String method;
    private Instant occurredAt;
    private String withWhom;
    private String said;
    private String agreed;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private LocalDate followUpOn;
    private Instant followUpDoneAt;
    private String followUpNote;
    /** When the writer was e-mailed that the follow-up is overdue, and when it went on the Pastoral Lead's list. */
    private Instant followUpRemindedAt;
    private Instant followUpEscalatedAt;
    private String processInstanceId;
    private String loggedBy;
    private Instant loggedAt;

    protected ContactLogEntry() {
    }

    ContactLogEntry(String reference, Long studentId, ContactMethod method, Instant occurredAt, String withWhom, String said,
                    String agreed, Confidentiality confidentiality, LocalDate followUpOn, String loggedBy, Instant loggedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.method = method.code();
        this.occurredAt = occurredAt;
        this.withWhom = withWhom;
        this.said = said;
        this.agreed = agreed;
        this.confidentiality = confidentiality;
        this.followUpOn = followUpOn;
        this.loggedBy = loggedBy;
        this.loggedAt = loggedAt;
    }

    void followUpStarted(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void followedUp(String note, Instant at) {
        this.followUpNote = note;
        this.followUpDoneAt = at;
    }

    void reminded(Instant at) {
        this.followUpRemindedAt = at;
    }

    void escalated(Instant at) {
        this.followUpEscalatedAt = at;
    }

    public Instant getFollowUpRemindedAt() {
        return followUpRemindedAt;
    }

    public Instant getFollowUpEscalatedAt() {
        return followUpEscalatedAt;
    }

    public Classification classification() {
        return Classification.of(RECORD_TYPE, id, confidentiality, studentId);
    }

    public String methodLabel() {
        return Coded.labelOf(ContactMethod.class, method);
    }

    public boolean followUpOpen() {
        return followUpOn != null && followUpDoneAt == null;
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

    public String getMethod() {
        return method;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getWithWhom() {
        return withWhom;
    }

    public String getSaid() {
        return said;
    }

    public String getAgreed() {
        return agreed;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public LocalDate getFollowUpOn() {
        return followUpOn;
    }

    public Instant getFollowUpDoneAt() {
        return followUpDoneAt;
    }

    public String getFollowUpNote() {
        return followUpNote;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }
}
