package org.pastoralflow.transition;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A concern about an incoming student, as raised; the model turns it into a referral (workflow 1). */
@Entity
public class TransitionConcern {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transition_concern_seq")
    @SequenceGenerator(name = "transition_concern_seq", sequenceName = "transition_concern_seq", allocationSize = 50)
    private Long id;
    private Long transitionId;
    private String category;
    private String description;
    private String childWords;
    private Instant occurredAt;
    private String location;
    private boolean immediateRisk;
    private String raisedBy;
    private Instant raisedAt;
    private String referralReference;

    protected TransitionConcern() {
    }

    TransitionConcern(Long transitionId, String category, String description, String childWords, Instant occurredAt,
                      String location, boolean immediateRisk, String raisedBy, Instant at) {
        this.transitionId = transitionId;
        this.category = category;
        this.description = description;
        this.childWords = childWords;
        this.occurredAt = occurredAt;
        this.location = location;
        this.immediateRisk = immediateRisk;
        this.raisedBy = raisedBy;
        this.raisedAt = at;
    }

    void referred(String reference) {
        this.referralReference = reference;
    }

    public Long getId() {
        return id;
    }

    public Long getTransitionId() {
        return transitionId;
    }

    public String getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public String getChildWords() {
        return childWords;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getLocation() {
        return location;
    }

    public boolean isImmediateRisk() {
        return immediateRisk;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getReferralReference() {
        return referralReference;
    }
}
