package org.pastoralflow.mediation;

import org.pastoralflow.security.Confidentiality;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

/** A restorative mediation between two or more students, from the suitability check to how it ended. */
@Entity
public class Mediation {

    public static final String RESOLVED = "resolved";
    public static final String DECLINED = "declined";
    public static final String NOT_SUITABLE = "not-suitable";
    public static final String ESCALATED = "escalated";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mediation_seq")
    @SequenceGenerator(name = "mediation_seq", sequenceName = "mediation_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private String sourceType;
    private String sourceReference;
    private String reason;
    private String requestedBy;
    private Instant requestedAt;
    private int round;
    private Boolean powerImbalance;
    private Boolean safeguardingConcern;
    private Boolean suitable;
    private String suitabilityNotes;
    private LocalDate meetingOn;
    private String attendees;
    private String whatHappened;
    private String whoAffected;
    private String repair;
    private String agreedActions;
    private String outcome;
    private String outcomeNotes;
    private Instant closedAt;
    private String processInstanceId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Confidentiality confidentiality;
    @Version
    private long version;

    protected Mediation() {
    }

    Mediation(String reference, String sourceType, String sourceReference, Confidentiality confidentiality, String reason,
              String requestedBy, Instant requestedAt) {
        this.reference = reference;
        this.confidentiality = confidentiality;
        this.sourceType = sourceType;
        this.sourceReference = sourceReference;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.round = 1;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void suitability(boolean powerImbalance, boolean safeguardingConcern, boolean suitable, String notes) {
        this.powerImbalance = powerImbalance;
        this.safeguardingConcern = safeguardingConcern;
        this.suitable = suitable;
        this.suitabilityNotes = notes;
    }

    void meeting(LocalDate on, String attendees, String whatHappened, String whoAffected, String repair, String actions) {
        this.meetingOn = on;
        this.attendees = attendees;
        this.whatHappened = whatHappened;
        this.whoAffected = whoAffected;
        this.repair = repair;
        this.agreedActions = actions;
    }

    void nextRound() {
        this.round++;
    }

    void close(String outcome, String notes, Instant at) {
        this.outcome = outcome;
        this.outcomeNotes = notes;
        this.closedAt = at;
    }

    public String status() {
        if (closedAt != null) {
            return switch (outcome) {
                case RESOLVED -> "Resolved";
                case DECLINED -> "Closed: consent refused";
                case NOT_SUITABLE -> "Closed: not suitable";
                case ESCALATED -> "Escalated to the Head of Year";
                default -> "Closed";
            };
        }
        if (suitable == null) {
            return "Suitability being checked";
        }
        return meetingOn == null ? "Preparing (round " + round + ")" : "Follow-up (round " + round + ")";
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public String getSourceType() {
        return sourceType;
    }

    public String getSourceReference() {
        return sourceReference;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public int getRound() {
        return round;
    }

    public Boolean getPowerImbalance() {
        return powerImbalance;
    }

    public Boolean getSafeguardingConcern() {
        return safeguardingConcern;
    }

    public Boolean getSuitable() {
        return suitable;
    }

    public String getSuitabilityNotes() {
        return suitabilityNotes;
    }

    public LocalDate getMeetingOn() {
        return meetingOn;
    }

    public String getAttendees() {
        return attendees;
    }

    public String getWhatHappened() {
        return whatHappened;
    }

    public String getWhoAffected() {
        return whoAffected;
    }

    public String getRepair() {
        return repair;
    }

    public String getAgreedActions() {
        return agreedActions;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeNotes() {
        return outcomeNotes;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
