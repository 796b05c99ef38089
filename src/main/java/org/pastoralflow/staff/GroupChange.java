package org.pastoralflow.staff;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** A proposed change to a group that needs a second person: proposed by an administrator, decided by a DSL. */
@Entity
public class GroupChange {

    public enum Kind { ADD, REMOVE }

    public enum Status { PENDING, CONFIRMED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "group_change_seq")
    @SequenceGenerator(name = "group_change_seq", allocationSize = 50)
    private Long id;
    private String userId;
    private String groupId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String proposedBy;
    private Instant proposedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String decidedBy;
    private Instant decidedAt;
    private String pendingKey;

    protected GroupChange() {
    }

    GroupChange(String userId, String groupId, Kind kind, String proposedBy, Instant proposedAt) {
        this.userId = userId;
        this.groupId = groupId;
        this.kind = kind;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.status = Status.PENDING;
        this.pendingKey = userId + "|" + groupId;
    }

    void decide(Status outcome, String by, Instant at) {
        status = outcome;
        decidedBy = by;
        decidedAt = at;
        pendingKey = null;
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getGroupId() {
        return groupId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    /** "adding Pat Officer to" / "removing Pat Officer from", for pages and the audit trail. */
    public String describe(String name) {
        return kind == Kind.ADD ? "adding " + name + " to the DSL group" : "removing " + name + " from the DSL group";
    }
}
