package org.pastoralflow.audit;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes the audit trail, in the transaction of the action it records. */
@Service
public class AuditLog {

    public static final String VIEW = "VIEW";
    /** A record or a report leaving the application as a file (data pack, subject access export). */
    public static final String EXPORT = "EXPORT";

    private final AuditRepository events;

    public AuditLog(AuditRepository events) {
        this.events = events;
    }

    @Transactional
    public void record(String actor, String action, String recordType, Long recordId, Long studentId, String detail) {
        events.save(new AuditEvent(actor, action, recordType, recordId, studentId, detail));
    }

    /** One event per record viewed, so "who has seen this entry" has a complete answer. */
    @Transactional
    public void viewed(String actor, String recordType, Collection<Long> recordIds, Long studentId, String where) {
        if (recordIds.isEmpty()) {
            return;
        }
        List<AuditEvent> batch = recordIds.stream()
                .map(id -> new AuditEvent(actor, VIEW, recordType, id, studentId, where)).toList();
        events.saveAll(batch);
    }
}
