package org.pastoralflow.investigation;

import org.pastoralflow.forms.Coded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** One student in an incident: their part, the sanction they were given, the referrals made for them. */
@Entity
public class IncidentStudent {

    public static final String PROPOSED = "proposed";
    public static final String APPROVED = "approved";
    public static final String NOT_APPROVED = "not-approved";
    public static final String DECIDED = "decided";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "incident_student_seq")
    @SequenceGenerator(name = "incident_student_seq", sequenceName = "incident_student_seq", allocationSize = 50)
    private Long id;
    private Long incidentId;
    private Long studentId;
    private int position;
    private String part;
    private String senStatus;
    private boolean forceUsedOn;
    private String sanction;
    private Integer suspensionDays;
    private String sanctionStatus;
    private String dslReferralReference;
    private String supportReferralReference;

    protected IncidentStudent() {
    }

    IncidentStudent(Long incidentId, Long studentId, int position, Part part) {
        this.incidentId = incidentId;
        this.studentId = studentId;
        this.position = position;
        this.part = part.code();
    }

    void forceUsed(String senStatus) {
        this.forceUsedOn = true;
        this.senStatus = senStatus;
    }

    void sanction(Sanction s, Integer days) {
        this.sanction = s.code();
        this.suspensionDays = s == Sanction.SUSPENSION ? days : null;
        this.sanctionStatus = s.needsHeadApproval() ? PROPOSED : DECIDED;
    }

    void headDecided(boolean approved) {
        if (PROPOSED.equals(sanctionStatus)) {
            sanctionStatus = approved ? APPROVED : NOT_APPROVED;
        }
    }

    void referredToDsl(String reference) {
        this.dslReferralReference = reference;
    }

    void referredForSupport(String reference) {
        this.supportReferralReference = reference;
    }

    public Part part() {
        return Coded.of(Part.class, part);
    }

    public Sanction sanctionValue() {
        return sanction == null ? null : Coded.of(Sanction.class, sanction);
    }

    public Long getId() {
        return id;
    }

    public Long getIncidentId() {
        return incidentId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public int getPosition() {
        return position;
    }

    public String getPart() {
        return part;
    }

    public String getPartLabel() {
        return part().label();
    }

    public String getSenStatus() {
        return senStatus;
    }

    public boolean isForceUsedOn() {
        return forceUsedOn;
    }

    public String getSanction() {
        return sanction;
    }

    public String getSanctionLabel() {
        return Sanction.labelOf(sanction);
    }

    public Integer getSuspensionDays() {
        return suspensionDays;
    }

    public String getSanctionStatus() {
        return sanctionStatus;
    }

    public String getDslReferralReference() {
        return dslReferralReference;
    }

    public String getSupportReferralReference() {
        return supportReferralReference;
    }
}
