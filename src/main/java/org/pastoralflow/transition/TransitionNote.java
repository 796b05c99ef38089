package org.pastoralflow.transition;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.casefile.EntryKind;

/**
 * Something recorded during the transition: what the primary said, an interview, the CP file
 * review. An incoming student has no case file until 1 September (or until a concern needs one),
 * so it is kept here and filed into the chronology then, with its own date, author and confidentiality.
 */
@Entity
public class TransitionNote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "transition_note_seq")
    @SequenceGenerator(name = "transition_note_seq", sequenceName = "transition_note_seq", allocationSize = 50)
    private Long id;
    private Long transitionId;
    @Enumerated(EnumType.STRING)
    private Milestone milestone;
    @Enumerated(EnumType.STRING)
    private EntryKind kind;
    @Enumerated(EnumType.STRING)
    private Confidentiality confidentiality;
    private Instant occurredAt;
    private Instant recordedAt;
    private String recordedBy;
    private String summary;
    private String detail;
    private Long chronologyEntryId;

    protected TransitionNote() {
    }

    TransitionNote(Long transitionId, Milestone milestone, EntryKind kind, Confidentiality confidentiality, Instant occurredAt,
                   String recordedBy, String summary, String detail, Instant at) {
        this.transitionId = transitionId;
        this.milestone = milestone;
        this.kind = kind;
        this.confidentiality = confidentiality;
        this.occurredAt = occurredAt;
        this.recordedAt = at;
        this.recordedBy = recordedBy;
        this.summary = summary.length() > 300 ? summary.substring(0, 297) + "..." : summary;
        this.detail = detail;
    }

    void filed(Long entryId) {
        this.chronologyEntryId = entryId;
    }

    public boolean isFiled() {
        return chronologyEntryId != null;
    }

    public Long getId() {
        return id;
    }

    public Long getTransitionId() {
        return transitionId;
    }

    public Milestone getMilestone() {
        return milestone;
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

    public Long getChronologyEntryId() {
        return chronologyEntryId;
    }
}
