package org.pastoralflow.subjectaccess;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.pastoralflow.forms.Coded;

/** A record the DSL withheld from a request's export, with why: the export lists it without its content. */
@Entity
@Table(name = "subject_access_withheld")
public class WithheldItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subject_access_withheld_seq")
    @SequenceGenerator(name = "subject_access_withheld_seq", sequenceName = "subject_access_withheld_seq", allocationSize = 50)
    private Long id;
    private Long requestId;
    private String part;
    private String recordType;
    private Long recordId;
    private String reason;
    private String note;
    private String decidedBy;
    private Instant decidedAt;

    protected WithheldItem() {
    }

    WithheldItem(Long requestId, String part, String recordType, Long recordId, WithholdReason reason, String note, String decidedBy,
                 Instant decidedAt) {
        this.requestId = requestId;
        this.part = part;
        this.recordType = recordType;
        this.recordId = recordId;
        this.reason = reason.code();
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public String key() {
        return recordType + "-" + recordId;
    }

    public WithholdReason reason() {
        return Coded.of(WithholdReason.class, reason);
    }

    public Long getId() {
        return id;
    }

    public Long getRequestId() {
        return requestId;
    }

    public String getPart() {
        return part;
    }

    public String getRecordType() {
        return recordType;
    }

    public Long getRecordId() {
        return recordId;
    }

    public String getNote() {
        return note;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
