package org.pastoralflow.mediation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One student in a mediation, and whether they agreed to it. */
@Entity
public class MediationParty {

    public static final String GIVEN = "given";
    public static final String REFUSED = "refused";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_party_seq")
    @SequenceGenerator(name = "mediation_party_seq", sequenceName = "mediation_party_seq", allocationSize = 50)
    private Long id;
    private Long mediationId;
    private Long studentId;
    private int position;
    private String consent;
    private String consentBy;
    private Instant consentAt;

    protected MediationParty() {
    }

    MediationParty(Long mediationId, Long studentId, int position) {
        this.mediationId = mediationId;
        this.studentId = studentId;
        this.position = position;
    }

    void consent(String answer, String by, Instant at) {
        this.consent = answer;
        this.consentBy = by;
        this.consentAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getMediationId() {
        return mediationId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public int getPosition() {
        return position;
    }

    public String getConsent() {
        return consent;
    }

    public String getConsentBy() {
        return consentBy;
    }

    public Instant getConsentAt() {
        return consentAt;
    }
}
