package org.pastoralflow.send;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.pastoralflow.forms.Coded;
import org.pastoralflow.security.Classification;
import org.pastoralflow.security.Confidentiality;

/**
 * A pupil on the SEN register: their areas of need (census codes) and the one-page profile
 * (strengths, needs, what helps). Whether they are at SEN support or have a plan is the MIS's
 * (the student's SEN status); this is what the SENCO adds to it.
 */
@Entity
@Table(name = "sen_register")
public class SenEntry {

    public static final String RECORD_TYPE = "sen-register";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sen_register_seq")
    @SequenceGenerator(name = "sen_register_seq", sequenceName = "sen_register_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private String primaryNeed;
    private String secondaryNeed;
    private String strengths;
    private String needs;
    private String whatHelps;
    private String updatedBy;
    private Instant updatedAt;
    private String processInstanceId;
    @Version
    private Long version;

    protected SenEntry() {
    }

    SenEntry(String reference, Long studentId) {
        this.reference = reference;
        this.studentId = studentId;
        this.confidentiality = Confidentiality.SEND;
    }

    void describe(String primaryNeed, String secondaryNeed, String strengths, String needs, String whatHelps, String by, Instant at) {
        this.primaryNeed = primaryNeed;
        this.secondaryNeed = secondaryNeed;
        this.strengths = strengths;
        this.needs = needs;
        this.whatHelps = whatHelps;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Classification classification() {
        return Classification.of(RECORD_TYPE, id, confidentiality, studentId);
    }

    public String primaryNeedLabel() {
        return primaryNeed == null ? null : Coded.labelOf(NeedArea.class, primaryNeed);
    }

    public String secondaryNeedLabel() {
        return secondaryNeed == null ? null : Coded.labelOf(NeedArea.class, secondaryNeed);
    }

    public Long getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    public Long getStudentId() {
        return studentId;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getPrimaryNeed() {
        return primaryNeed;
    }

    public String getSecondaryNeed() {
        return secondaryNeed;
    }

    public String getStrengths() {
        return strengths;
    }

    public String getNeeds() {
        return needs;
    }

    public String getWhatHelps() {
        return whatHelps;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
