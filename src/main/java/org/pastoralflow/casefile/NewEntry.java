package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

import java.time.Instant;

/** What a feature asks the case store to record. */
public record NewEntry(Long studentId, EntryKind kind, Confidentiality confidentiality, Instant occurredAt,
                       String recordedBy, String summary, String detail, String sourceType, Long sourceId) {

    /**
     * Something that happens as it is recorded: the case store stamps it with the moment it records
     * it, by the application's clock (a null {@code occurredAt} means "now").
     */
    public static NewEntry now(Long studentId, EntryKind kind, Confidentiality confidentiality, String recordedBy,
                               String summary, String detail, String sourceType, Long sourceId) {
        return new NewEntry(studentId, kind, confidentiality, null, recordedBy, summary, detail, sourceType, sourceId);
    }
}
