package org.pastoralflow.investigation;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * The record of a use of reasonable force (DfE, Use of reasonable force, 2013): who, where and
 * when, what led up to it, what de-escalation was tried, the force and how long, why, injuries,
 * support afterwards, and parents told the same day. The students it was used on, with their SEN
 * status, are marked on their {@link IncidentStudent} rows.
 */
@Entity
public class UseOfForce {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "use_of_force_seq")
    @SequenceGenerator(name = "use_of_force_seq", sequenceName = "use_of_force_seq", allocationSize = 50)
    private Long id;
    private Long incidentId;
    private String staffNames;
    private Instant occurredAt;
    private String place;
    private String leadUp;
    private String deEscalation;
    private String forceType;
    private String forceDescription;
    private int durationMinutes;
    private String reason;
    private String injuries;
    private String supportAfter;
    private Instant parentsToldAt;
    private String parentsToldBy;
    private String parentsToldHow;
    private String parentsToldWhat;
    private String recordedBy;
    private Instant recordedAt;

    protected UseOfForce() {
    }

    UseOfForce(Long incidentId, String staffNames, Instant occurredAt, String place, String leadUp, String deEscalation,
               String forceType, String forceDescription, int durationMinutes, String reason, String injuries,
               String supportAfter, Instant parentsToldAt, String parentsToldBy, String parentsToldHow,
               String parentsToldWhat, String recordedBy, Instant at) {
        this.incidentId = incidentId;
        this.staffNames = staffNames;
        this.occurredAt = occurredAt;
        this.place = place;
        this.leadUp = leadUp;
        this.deEscalation = deEscalation;
        this.forceType = forceType;
        this.forceDescription = forceDescription;
        this.durationMinutes = durationMinutes;
        this.reason = reason;
        this.injuries = injuries;
        this.supportAfter = supportAfter;
        this.parentsToldAt = parentsToldAt;
        this.parentsToldBy = parentsToldBy;
        this.parentsToldHow = parentsToldHow;
        this.parentsToldWhat = parentsToldWhat;
        this.recordedBy = recordedBy;
        this.recordedAt = at;
    }

    public Long getId() {
        return id;
    }

    public Long getIncidentId() {
        return incidentId;
    }

    public String getStaffNames() {
        return staffNames;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getPlace() {
        return place;
    }

    public String getLeadUp() {
        return leadUp;
    }

    public String getDeEscalation() {
        return deEscalation;
    }

    public String getForceType() {
        return forceType;
    }

    public String getForceTypeLabel() {
        return ChecklistForms.FORCE_TYPES.get(forceType);
    }

    public String getForceDescription() {
        return forceDescription;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    public String getReason() {
        return reason;
    }

    public String getReasonLabel() {
        return ChecklistForms.REASONS.get(reason);
    }

    public String getInjuries() {
        return injuries;
    }

    public String getSupportAfter() {
        return supportAfter;
    }

    public Instant getParentsToldAt() {
        return parentsToldAt;
    }

    public String getParentsToldBy() {
        return parentsToldBy;
    }

    public String getParentsToldHow() {
        return parentsToldHow;
    }

    public String getParentsToldHowLabel() {
        return InvestigationRecording.CONTACT_METHODS.get(parentsToldHow);
    }

    public String getParentsToldWhat() {
        return parentsToldWhat;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
