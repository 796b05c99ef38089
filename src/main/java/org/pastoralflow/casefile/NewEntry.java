package org.pastoralflow.casefile;

import org.pastoralflow.security.Confidentiality;

import java.time.Instant;

/** What a feature asks the case store to record. */
public record NewEntry(Long studentId, EntryKind kind, Confidentiality confidentiality, Instant occurredAt,
                       String recordedBy, String summary, String detail, String sourceType, Long sourceId) {

    public static NewEntry now(Long studentId, EntryKind kind, Confidentiality confidentiality, String recordedBy,
                               String summary, String detail, String sourceType, Long sourceId) {
        return new NewEntry(studentId, kind, confidentiality, Instant.now(), recordedBy, summary, detail, sourceType, sourceId);
    }
}
