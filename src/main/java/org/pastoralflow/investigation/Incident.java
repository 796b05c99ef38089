package org.pastoralflow.investigation;

import org.pastoralflow.forms.Coded;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.pastoralflow.security.Confidentiality;

/** An incident as logged, and its investigation's outcome. The process holds the flow; this holds the record. */
@Entity
public class Incident {

    public static final String UPHELD = "upheld";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_seq")
    @SequenceGenerator(name = "incident_seq", sequenceName = "incident_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Instant occurredAt;
    private String location;
    private String type;
    private String description;
    private String staffInvolved;
    private boolean reasonableForce;
    private boolean safeguardingIndicator;
    private String loggedBy;
    private Instant loggedAt;
    private String investigator;
    private Instant cctvOverwrittenAt;
    private String outcome;
    private String outcomeRationale;
    private String outcomeBy;
    private Instant outcomeAt;
    private Boolean mediationOffered;
    private Boolean targetSupport;
    private String headDecision;
    private String headNotes;
    private String headDecidedBy;
    private Instant headDecidedAt;
    private String mediationReference;
    private Instant closedAt;
    private String processInstanceId;
    @Version
    private long version;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Confidentiality confidentiality;

    protected Incident() {
    }

    Incident(String reference, Instant occurredAt, String location, IncidentType type, String description,
             String staffInvolved, boolean reasonableForce, boolean safeguardingIndicator, String loggedBy,
             Instant cctvOverwrittenAt, Instant at) {
        this.reference = reference;
        this.occurredAt = occurredAt;
        this.location = location;
        this.type = type.code();
        this.description = description;
        this.staffInvolved = staffInvolved;
        this.reasonableForce = reasonableForce;
        this.safeguardingIndicator = safeguardingIndicator;
        this.loggedBy = loggedBy;
        this.loggedAt = at;
        this.cctvOverwrittenAt = cctvOverwrittenAt;
        // harmful sexual behaviour, discriminatory language (both go to the DSL) and anything logged with the
        // safeguarding indicator are the DSL's records (KCSIE Part 5): the whole incident, not just its account
        this.confidentiality = type.isReferredToDsl() || safeguardingIndicator ? Confidentiality.SAFEGUARDING
                : Confidentiality.PASTORAL;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void assign(String investigator) {
        this.investigator = investigator;
    }

    void outcome(String outcome, String rationale, boolean mediation, boolean support, String by, Instant at) {
        this.outcome = outcome;
        this.outcomeRationale = rationale;
        this.mediationOffered = mediation;
        this.targetSupport = support;
        this.outcomeBy = by;
        this.outcomeAt = at;
        this.headDecision = null;
        this.headNotes = null;
        this.headDecidedBy = null;
        this.headDecidedAt = null;
    }

    void headDecision(String decision, String notes, String by, Instant at) {
        this.headDecision = decision;
        this.headNotes = notes;
        this.headDecidedBy = by;
        this.headDecidedAt = at;
    }

    void mediationStarted(String reference) {
        this.mediationReference = reference;
    }

    void close(Instant at) {
        this.closedAt = at;
    }

    public IncidentType incidentType() {
        return Coded.of(IncidentType.class, type);
    }

    /**
     * A safeguarding incident is the DSL's record whole: what happened, who was involved, the
     * statements, the outcome. Others read it only when a DSL shares it with them by name.
     */
    public boolean isSafeguarding() {
        return confidentiality == Confidentiality.SAFEGUARDING;
    }

    public boolean isReferredToDsl() {
        return incidentType().isReferredToDsl() || safeguardingIndicator;
    }

    /** Who may read the account, the statements and the notes of this investigation. */
    public Confidentiality detailConfidentiality() {
        return confidentiality;
    }

    /**
     * The status the member of staff who logged it is told: never the outcome or the detail; of a
     * safeguarding incident, only that the DSL has received it.
     */
    public String statusForLogger() {
        return isSafeguarding() ? "Received by the DSL" : status();
    }

    /** Where the investigation stands, for those who may read the incident. */
    public String status() {
        if (closedAt != null) {
            return "Closed";
        }
        if (outcome != null) {
            return "Outcome recorded, being closed";
        }
        return investigator == null ? "Logged: an investigator is being assigned" : "Being investigated";
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getLocation() {
        return location;
    }

    public String getType() {
        return type;
    }

    public String getTypeLabel() {
        return incidentType().label();
    }

    public String getDescription() {
        return description;
    }

    public String getStaffInvolved() {
        return staffInvolved;
    }

    public boolean isReasonableForce() {
        return reasonableForce;
    }

    public boolean isSafeguardingIndicator() {
        return safeguardingIndicator;
    }

    public String getLoggedBy() {
        return loggedBy;
    }

    public Instant getLoggedAt() {
        return loggedAt;
    }

    public String getInvestigator() {
        return investigator;
    }

    public Instant getCctvOverwrittenAt() {
        return cctvOverwrittenAt;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getOutcomeLabel() {
        return outcome == null ? null : InvestigationRecording.OUTCOMES.get(outcome);
    }

    public String getOutcomeRationale() {
        return outcomeRationale;
    }

    public String getOutcomeBy() {
        return outcomeBy;
    }

    public Instant getOutcomeAt() {
        return outcomeAt;
    }

    public Boolean getMediationOffered() {
        return mediationOffered;
    }

    public Boolean getTargetSupport() {
        return targetSupport;
    }

    public String getHeadDecision() {
        return headDecision;
    }

    public String getHeadNotes() {
        return headNotes;
    }

    public String getHeadDecidedBy() {
        return headDecidedBy;
    }

    public Instant getHeadDecidedAt() {
        return headDecidedAt;
    }

    public String getMediationReference() {
        return mediationReference;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
