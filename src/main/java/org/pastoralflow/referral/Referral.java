package org.pastoralflow.referral;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.forms.Coded;

/** A concern raised about a student, from raising to close. The process holds the flow; this holds the record. */
@Entity
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_seq")
    @SequenceGenerator(name = "referral_seq", sequenceName = "referral_seq", allocationSize = 50)
    private Long id;
    private String reference;
    private Long studentId;
    private String category;
    private String description;
    private String childWords;
    private Instant occurredAt;
    private String location;
    private boolean immediateRisk;
    private String raisedBy;
    private Instant raisedAt;
    private String route;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    private Instant closedAt;
    private String processInstanceId;
    private String raisedFromType;
    private String raisedFromReference;
    private Long signpostedServiceId;
    @Version
    private long version;

    protected Referral() {
    }

    public Referral(String reference, Long studentId, String category, String description, String childWords,
                    Instant occurredAt, String location, boolean immediateRisk, String raisedBy, Instant raisedAt) {
        this.reference = reference;
        this.studentId = studentId;
        this.category = category;
        this.description = description;
        this.childWords = childWords;
        this.occurredAt = occurredAt;
        this.location = location;
        this.immediateRisk = immediateRisk;
        this.raisedBy = raisedBy;
        this.raisedAt = raisedAt;
        this.stage = Stage.RECEIVED;
        // the DSL's until the routing table has said who reviews it
        this.confidentiality = Confidentiality.SAFEGUARDING;
    }

    /** PSO triage signposted the family to this service of the directory (services.LocalService). */
    void signpostedTo(Long serviceId) {
        this.signpostedServiceId = serviceId;
    }

    public Long getSignpostedServiceId() {
        return signpostedServiceId;
    }

    /** Raised by another workflow (an investigation, say): the record it came from, for the link back. */
    void raisedFrom(String type, String reference) {
        this.raisedFromType = type;
        this.raisedFromReference = reference;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Routed to its first reviewer: the concern is as confidential as their group's records, from now on. */
    void routed(String route) {
        this.route = route;
        this.confidentiality = Confidentiality.forGroup(route);
        this.stage = switch (route) {
            case "dsl" -> Stage.WITH_DSL;
            case "senco" -> Stage.WITH_SENCO;
            default -> Stage.WITH_PSO;
        };
    }

    /** The group that holds the referral now; it decides who may read what is recorded next. */
    void handTo(String group) {
        this.route = group;
    }

    void moveTo(Stage next, Instant at) {
        this.stage = next;
        this.closedAt = next == Stage.CLOSED ? at : null;
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

    public String getCategory() {
        return category;
    }

    public String getCategoryLabel() {
        return Coded.labelOf(ReferralCategory.class, category);
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

    /** Who may read the concern itself (what was seen, the child's words, where): its first reviewer's group. */
    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public String getRoute() {
        return route;
    }

    public Stage getStage() {
        return stage;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getRaisedFromType() {
        return raisedFromType;
    }

    public String getRaisedFromReference() {
        return raisedFromReference;
    }
}
