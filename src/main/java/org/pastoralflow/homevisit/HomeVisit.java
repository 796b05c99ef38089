package org.pastoralflow.homevisit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

/**
 * A visit to a student's home: where, why, who goes (two where the family is flagged), when they
 * leave and expect to be back, a phone that reaches them; then their check-in and how it went, and
 * when the on-call person was alerted because nobody had checked in.
 */
@Entity
public class HomeVisit {

    public static final String RECORD_TYPE = "home-visit";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "home_visit_seq")
    @SequenceGenerator(name = "home_visit_seq", sequenceName = "home_visit_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String address;
    private String purpose;
    private Instant leavesAt;
    private Instant expectedBack;
    private String leadVisitor;
    private String secondVisitor;
    private String visitorPhone;
    private boolean familyFlagged;
    private String plannedBy;
    private Instant plannedAt;
    private String processInstanceId;
    private Instant alertedAt;
    private Instant escalatedAt;
    private Instant checkedInAt;
    private String checkedInBy;
    private String outcome;
    private String outcomeNote;
    @Version
    private long version;

    protected HomeVisit() {
    }

    HomeVisit(String reference, Long studentId, Confidentiality confidentiality, Plan plan, String plannedBy, Instant plannedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.confidentiality = confidentiality;
        this.address = plan.address();
        this.purpose = plan.purpose();
        this.leavesAt = plan.leavesAt();
        this.expectedBack = plan.expectedBack();
        this.leadVisitor = plan.leadVisitor();
        this.secondVisitor = plan.secondVisitor();
        this.visitorPhone = plan.visitorPhone();
        this.familyFlagged = plan.familyFlagged();
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
    }

    /** What the planner decides about a visit. */
    record Plan(String address, String purpose, Instant leavesAt, Instant expectedBack, String leadVisitor, String secondVisitor,
                String visitorPhone, boolean familyFlagged) {
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void alerted(Instant at) {
        this.alertedAt = at;
    }

    void escalated(Instant at) {
        this.escalatedAt = at;
    }

    void checkedIn(String by, Instant at, String outcome, String note) {
        this.checkedInBy = by;
        this.checkedInAt = at;
        this.outcome = outcome;
        this.outcomeNote = note;
    }

    /** As the access policy sees it: pastoral or safeguarding, about one student. */
    public Classification classification() {
        return Classification.of(RECORD_TYPE, id, confidentiality, studentId);
    }

    public boolean isOpen() {
        return checkedInAt == null;
    }

    /** Not back and past the expected time plus the grace: the on-call person has been (or is being) alerted. */
    public boolean isOverdue() {
        return checkedInAt == null && alertedAt != null;
    }

    public boolean goesInTwos() {
        return secondVisitor != null;
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

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getAddress() {
        return address;
    }

    public String getPurpose() {
        return purpose;
    }

    public Instant getLeavesAt() {
        return leavesAt;
    }

    public Instant getExpectedBack() {
        return expectedBack;
    }

    public String getLeadVisitor() {
        return leadVisitor;
    }

    public String getSecondVisitor() {
        return secondVisitor;
    }

    public String getVisitorPhone() {
        return visitorPhone;
    }

    public boolean isFamilyFlagged() {
        return familyFlagged;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getAlertedAt() {
        return alertedAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public String getCheckedInBy() {
        return checkedInBy;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeNote() {
        return outcomeNote;
    }
}
