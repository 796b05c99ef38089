package org.pastoralflow.send;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One review of a pupil's SEN support plan: the pupil's and the parents' views are part of every one (SEND Code of Practice 2015, the graduated approach). */
@Entity
@Table(name = "sen_support_review")
public class SupportReview {

    public static final String CONTINUE = "continue";
    public static final String REQUEST_ASSESSMENT = "request-ehc";
    public static final String LEAVE = "leave";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sen_support_review_seq")
    @SequenceGenerator(name = "sen_support_review_seq", sequenceName = "sen_support_review_seq", allocationSize = 50)
    private Long id;
    private Long senRegisterId;
    private LocalDate reviewedOn;
    private String pupilViews;
    private String parentViews;
    private String progress;
    private String nextSteps;
    private String outcome;
    private String reviewedBy;
    private Instant recordedAt;

    protected SupportReview() {
    }

    SupportReview(Long senRegisterId, LocalDate reviewedOn, String pupilViews, String parentViews, String progress, String nextSteps,
                  String outcome, String reviewedBy, Instant recordedAt) {
        this.senRegisterId = senRegisterId;
        this.reviewedOn = reviewedOn;
        this.pupilViews = pupilViews;
        this.parentViews = parentViews;
        this.progress = progress;
        this.nextSteps = nextSteps;
        this.outcome = outcome;
        this.reviewedBy = reviewedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSenRegisterId() {
        return senRegisterId;
    }

    public LocalDate getReviewedOn() {
        return reviewedOn;
    }

    public String getPupilViews() {
        return pupilViews;
    }

    public String getParentViews() {
        return parentViews;
    }

    public String getProgress() {
        return progress;
    }

    public String getNextSteps() {
        return nextSteps;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
