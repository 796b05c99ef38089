package org.pastoralflow.reportcard;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A weekly or final review: the figures the reviewer saw and what they decided. */
@Entity
public class ReportCardReview {

    public static final String WEEKLY = "weekly";
    public static final String FINAL = "final";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_card_review_seq")
    @SequenceGenerator(name = "report_card_review_seq", sequenceName = "report_card_review_seq", allocationSize = 50)
    private Long id;
    private Long reportCardId;
    private String kind;
    private String levelCode;
    private String reviewedBy;
    private Instant reviewedAt;
    private Integer percentMet;
    private int lessonsUnscored;
    private String decision;
    private String notes;

    protected ReportCardReview() {
    }

    ReportCardReview(Long reportCardId, String kind, String levelCode, String reviewedBy, Instant reviewedAt, Figures figures,
                     String decision, String notes) {
        this.reportCardId = reportCardId;
        this.kind = kind;
        this.levelCode = levelCode;
        this.reviewedBy = reviewedBy;
        this.reviewedAt = reviewedAt;
        this.percentMet = figures.percentMet();
        this.lessonsUnscored = figures.lessonsUnscored();
        this.decision = decision;
        this.notes = notes;
    }

    public Long getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getLevelCode() {
        return levelCode;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

    public Integer getPercentMet() {
        return percentMet;
    }

    public int getLessonsUnscored() {
        return lessonsUnscored;
    }

    public String getDecision() {
        return decision;
    }

    public String getNotes() {
        return notes;
    }
}
