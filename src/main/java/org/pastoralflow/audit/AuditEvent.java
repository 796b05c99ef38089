package org.pastoralflow.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Who opened, changed, exported or printed which record, and when. Never updated or deleted. */
@Entity
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;
    private Instant at;
    private String actor;
    private String action;
    private String recordType;
    private Long recordId;
    private Long studentId;
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(String actor, String action, String recordType, Long recordId, Long studentId, String detail, Instant at) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.recordType = recordType;
        this.recordId = recordId;
        this.studentId = studentId;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getRecordType() {
        return recordType;
    }

    public Long getRecordId() {
        return recordId;
    }

    public Long getStudentId() {
        return studentId;
    }

    public String getDetail() {
        return detail;
    }
}
