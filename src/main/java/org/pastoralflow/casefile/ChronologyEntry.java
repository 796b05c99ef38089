package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/**
 * One thing in a student's case file: a concern, a decision, a contact, a session, an outcome.
 * Entries are never changed or deleted; a correction is a new entry pointing at the one it corrects.
 */
@Entity
public class ChronologyEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chronology_entry_seq")
    @SequenceGenerator(name = "chronology_entry_seq", sequenceName = "chronology_entry_seq", allocationSize = 50)
    private Long id;
    private Long studentId;
    @Enumerated(EnumType.STRING)
    private EntryKind kind;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private Instant occurredAt;
    private Instant recordedAt;
    private String recordedBy;
    private String summary;
    private String detail;
    private String sourceType;
    private Long sourceId;
    private Long correctsEntryId;

    protected ChronologyEntry() {
    }

    public ChronologyEntry(Long studentId, EntryKind kind, Confidentiality confidentiality, Instant occurredAt,
                           String recordedBy, String summary, String detail, String sourceType, Long sourceId,
                           Long correctsEntryId, Instant recordedAt) {
        this.studentId = studentId;
        this.kind = kind;
        this.confidentiality = confidentiality;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.summary = summary;
        this.detail = detail;
        this.sourceType = sourceType;
        this.sourceId = sourceId;
        this.correctsEntryId = correctsEntryId;
    }

    public Long getId() {
        return id;
    }

    public Long getStudentId() {
        return studentId;
    }

    public EntryKind getKind() {
        return kind;
    }

    public Confidentiality getConfidentiality() {
        return confidentiality;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public String getSummary() {
        return summary;
    }

    public String getDetail() {
        return detail;
    }

    public String getSourceType() {
        return sourceType;
    }

    public Long getSourceId() {
        return sourceId;
    }

    public Long getCorrectsEntryId() {
        return correctsEntryId;
    }
}
