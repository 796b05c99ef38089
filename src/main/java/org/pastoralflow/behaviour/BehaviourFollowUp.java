package org.pastoralflow.behaviour;

import java.time.Instant;
import java.time.LocalDate;

import org.pastoralflow.security.Confidentiality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A school week in which a student crossed the behaviour threshold, and what their Head of Year decided. */
@Entity
public class BehaviourFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "behaviour_follow_up_seq")
    @SequenceGenerator(name = "behaviour_follow_up_seq", sequenceName = "behaviour_follow_up_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private LocalDate weekStart;
    private int points;
    private Instant raisedAt;
    private String decision;
    private String rationale;
    private String decidedBy;
    private Instant decidedAt;
    private String processInstanceId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;

    protected BehaviourFollowUp() {
    }

    BehaviourFollowUp(String reference, Long studentId, LocalDate weekStart, int points, Instant raisedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.weekStart = weekStart;
        this.points = points;
        this.raisedAt = raisedAt;
        this.confidentiality = Confidentiality.PASTORAL;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void decided(String decision, String rationale, String by, Instant at) {
        this.decision = decision;
        this.rationale = rationale;
        this.decidedBy = by;
        this.decidedAt = at;
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

    public LocalDate getWeekStart() {
        return weekStart;
    }

    public int getPoints() {
        return points;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getDecision() {
        return decision;
    }

    public String getRationale() {
        return rationale;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }
}
