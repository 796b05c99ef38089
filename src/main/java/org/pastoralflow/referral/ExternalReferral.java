package org.pastoralflow.referral;

import org.pastoralflow.security.Confidentiality;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A referral the school made to an outside agency, and what came back. */
@Entity
public class ExternalReferral {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "external_referral_seq")
    @SequenceGenerator(name = "external_referral_seq", sequenceName = "external_referral_seq", allocationSize = 50)
    private Long id;
    private Long referralId;
    private String agency;
    private LocalDate referredOn;
    private String agencyReference;
    private String recordedBy;
    private Instant recordedAt;
    private LocalDate feedbackOn;
    private String feedback;
    private String outcome;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Confidentiality confidentiality;

    protected ExternalReferral() {
    }

    /** {@code confidentiality}: that of whoever made the referral (the DSL's referral to social care is the DSL's record). */
    public ExternalReferral(Long referralId, String agency, LocalDate referredOn, String agencyReference, String recordedBy,
                            Confidentiality confidentiality, Instant recordedAt) {
        this.confidentiality = confidentiality;
        this.referralId = referralId;
        this.agency = agency;
        this.referredOn = referredOn;
        this.agencyReference = agencyReference;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void feedback(LocalDate on, String text, String outcome) {
        this.feedbackOn = on;
        this.feedback = text;
        this.outcome = outcome;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public Long getId() {
        return id;
    }

    public Long getReferralId() {
        return referralId;
    }

    public String getAgency() {
        return agency;
    }

    public String getAgencyLabel() {
        return Agencies.OPTIONS.getOrDefault(agency, agency);
    }

    public LocalDate getReferredOn() {
        return referredOn;
    }

    public String getAgencyReference() {
        return agencyReference;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public LocalDate getFeedbackOn() {
        return feedbackOn;
    }

    public String getFeedback() {
        return feedback;
    }

    public String getOutcome() {
        return outcome;
    }
}
