package org.pastoralflow.workflow.tables;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A change to a table that routes safeguarding work, saved by someone who is not a DSL: the whole proposed file,
 * the version it was made from, why, and what the DSL decided. Only the DSL's decision changes a row.
 */
@Entity
@Table(name = "table_change")
public class TableChange {

    /** Where a proposed change stands. */
    public enum State {
        /** waiting for a DSL */
        PENDING,
        /** approved by a DSL and deployed */
        DEPLOYED,
        /** refused by a DSL (the note says why) */
        REFUSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "table_change_seq")
    @SequenceGenerator(name = "table_change_seq", sequenceName = "table_change_seq", allocationSize = 50)
    private Long id;
    private String decisionKey;
    private String resourceName;
    private String baseDefinitionId;
    private String restoredFrom;
    private String proposedXml;
    private String reason;
    private String proposedBy;
    private Instant proposedAt;
    @Enumerated(EnumType.STRING)
    private State state;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private String deployedDefinitionId;
    private String processInstanceId;

    protected TableChange() {
    }

    TableChange(String decisionKey, String resourceName, String baseDefinitionId, String restoredFrom, String proposedXml,
                String reason, String proposedBy, Instant proposedAt) {
        this.decisionKey = decisionKey;
        this.resourceName = resourceName;
        this.baseDefinitionId = baseDefinitionId;
        this.restoredFrom = restoredFrom;
        this.proposedXml = proposedXml;
        this.reason = reason;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.state = State.PENDING;
    }

    void awaiting(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** The DSL's decision, recorded by the approval form before the model deploys or refuses. */
    void decided(String by, Instant at, String note) {
        if (state != State.PENDING) {
            throw new IllegalStateException("Table change " + id + " was already " + state);
        }
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionNote = note;
    }

    void deployed(String definitionId) {
        this.state = State.DEPLOYED;
        this.deployedDefinitionId = definitionId;
    }

    void refused() {
        this.state = State.REFUSED;
    }

    public Long getId() {
        return id;
    }

    public String getDecisionKey() {
        return decisionKey;
    }

    public String getResourceName() {
        return resourceName;
    }

    public String getBaseDefinitionId() {
        return baseDefinitionId;
    }

    public String getRestoredFrom() {
        return restoredFrom;
    }

    public String getProposedXml() {
        return proposedXml;
    }

    public String getReason() {
        return reason;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public State getState() {
        return state;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }

    public String getDeployedDefinitionId() {
        return deployedDefinitionId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
