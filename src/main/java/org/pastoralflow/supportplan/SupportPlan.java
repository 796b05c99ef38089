package org.pastoralflow.supportplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.pastoralflow.security.Confidentiality;

/** Goals, interventions and a baseline measure; closed with an end measure to compare against it. */
@Entity
public class SupportPlan {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "support_plan_seq")
    @SequenceGenerator(name = "support_plan_seq", sequenceName = "support_plan_seq", allocationSize = 50)
    private Long id;
    private Long studentId;
    private Long referralId;
    private String ownerGroup;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String goals;
    private String interventions;
    /** The scale's code (pastoral.interventions.scales); baseline and end are scores on it. */
    private String measureScale;
    /** Optional words about the measure ("Rosenberg, scaled"); plans from before V40 keep their free-text measure here. */
    private String measureNote;
    private int baselineScore;
    private Integer endScore;
    private boolean parentInformed;
    private String parentInformedHow;
    private LocalDate startedOn;
    private LocalDate closedOn;
    private String createdBy;
    private Instant createdAt;

    protected SupportPlan() {
    }

    public SupportPlan(Long studentId, Long referralId, String ownerGroup, String goals, List<String> interventions,
                       String measureScale, String measureNote, int baselineScore, boolean parentInformed, String parentInformedHow,
                       String createdBy, Instant createdAt, LocalDate startedOn) {
        this.studentId = studentId;
        this.referralId = referralId;
        this.ownerGroup = ownerGroup;
        this.confidentiality = Confidentiality.forGroup(ownerGroup);
        this.goals = goals;
        this.interventions = String.join(",", interventions);
        this.measureScale = measureScale;
        this.measureNote = measureNote;
        this.baselineScore = baselineScore;
        this.parentInformed = parentInformed;
        this.parentInformedHow = parentInformedHow;
        this.startedOn = startedOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void close(int endScore, LocalDate closedOn) {
        this.endScore = endScore;
        this.closedOn = closedOn;
    }

    public boolean isOpen() {
        return closedOn == null;
    }

    public Integer change() {
        return endScore == null ? null : endScore - baselineScore;
    }

    public List<String> interventionCodes() {
        return interventions == null || interventions.isBlank() ? List.of() : Arrays.asList(interventions.split(","));
    }

    public List<String> interventionLabels() {
        return interventionCodes().stream().map(Interventions::label).toList();
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Long getReferralId() {
        return referralId;
    }

    public String getOwnerGroup() {
        return ownerGroup;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getGoals() {
        return goals;
    }

    public String getMeasureScale() {
        return measureScale;
    }

    public String getMeasureNote() {
        return measureNote;
    }

    public int getBaselineScore() {
        return baselineScore;
    }

    public Integer getEndScore() {
        return endScore;
    }

    public boolean isParentInformed() {
        return parentInformed;
    }

    public String getParentInformedHow() {
        return parentInformedHow;
    }

    public LocalDate getStartedOn() {
        return startedOn;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
