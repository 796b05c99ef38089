package org.pastoralflow.send;

import java.time.Instant;
import java.time.LocalDate;

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
 * A pupil's Education, Health and Care plan as the school follows it: who maintains it, when it was
 * made and last reviewed. Its annual reviews ({@link EhcpReview}) run one after another in
 * ehcp-annual-review.bpmn until the local authority ceases the plan.
 */
@Entity
public class EhcpPlan {

    public static final String RECORD_TYPE = "ehcp-plan";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ehcp_plan_seq")
    @SequenceGenerator(name = "ehcp_plan_seq", sequenceName = "ehcp_plan_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String localAuthority;
    private LocalDate planOn;
    private LocalDate lastReviewOn;
    private LocalDate ceasedOn;
    private String recordedBy;
    private Instant recordedAt;
    private String processInstanceId;
    @Version
    private Long version;

    protected EhcpPlan() {
    }

    EhcpPlan(String reference, Long studentId, String localAuthority, LocalDate planOn, LocalDate lastReviewOn, String recordedBy,
             Instant recordedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.confidentiality = Confidentiality.SEND;
        this.localAuthority = localAuthority;
        this.planOn = planOn;
        this.lastReviewOn = lastReviewOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** Children and Families Act 2014, s. 44(1): a review within 12 months of the plan, then of the last review. */
    public LocalDate nextReviewDue() {
        return (lastReviewOn != null ? lastReviewOn : planOn).plusMonths(12);
    }

    void reviewed(LocalDate heldOn) {
        this.lastReviewOn = heldOn;
    }

    void ceased(LocalDate on) {
        this.ceasedOn = on;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Classification classification() {
        return Classification.of(RECORD_TYPE, id, confidentiality, studentId);
    }

    public boolean isMaintained() {
        return ceasedOn == null;
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

    public String getLocalAuthority() {
        return localAuthority;
    }

    public LocalDate getPlanOn() {
        return planOn;
    }

    public LocalDate getLastReviewOn() {
        return lastReviewOn;
    }

    public LocalDate getCeasedOn() {
        return ceasedOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
