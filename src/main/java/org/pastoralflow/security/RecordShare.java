package org.pastoralflow.security;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * One record shared with one named member of staff, on a need-to-know basis: the HoY who will run
 * the sanction after a safeguarding incident, the investigator the DSL names. A share is never
 * deleted; revoking it ends it and both are audited.
 */
@Entity
public class RecordShare {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_share_seq")
    @SequenceGenerator(name = "record_share_seq", sequenceName = "record_share_seq", allocationSize = 50)
    private Long id;
    private String recordType;
    private Long recordId;
    private String userId;
    private String reason;
    private String sharedBy;
    private Instant sharedAt;
    private String revokedBy;
    private Instant revokedAt;

    protected RecordShare() {
    }

    RecordShare(String recordType, Long recordId, String userId, String reason, String sharedBy, Instant sharedAt) {
        this.recordType = recordType;
        this.recordId = recordId;
        this.userId = userId;
        this.reason = reason;
        this.sharedBy = sharedBy;
        this.sharedAt = sharedAt;
    }

    void revoke(String by, Instant at) {
        this.revokedBy = by;
        this.revokedAt = at;
    }

    public boolean isActive() {
        return revokedAt == null;
    }

    public Long getId() {
        return id;
    }

    public String getRecordType() {
        return recordType;
    }

    public Long getRecordId() {
        return recordId;
    }

    public String getUserId() {
        return userId;
    }

    public String getReason() {
        return reason;
    }

    public String getSharedBy() {
        return sharedBy;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }
}
