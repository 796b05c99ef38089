package org.pastoralflow.audit;

import java.time.Clock;
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

    /**
     * Record types of the events an administrator sees: running the system (imports, term dates,
     * year groups, group membership, sign-in). Every other event is about case records and is read by
     * the DSL (in a subject access export), never by an administrator.
     */
    public static final List<String> ADMINISTRATION = List.of("students", "attendance", "allocation-list", "transition-cohort",
            "year-groups", "group-membership", "sign-in", "calendar", "user", "camunda", "family-contacts", "workflow-model", "settings");

    private final AuditRepository events;

    private final Clock clock;

    public AuditLog(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    static final int DETAIL_LENGTH = 500;

    @Transactional
    public void record(String actor, String action, String recordType, Long recordId, Long studentId, String detail) {
        // the column holds 500 characters: a longer detail is cut rather than the audited action failing with it
        String fits = detail != null && detail.length() > DETAIL_LENGTH ? detail.substring(0, DETAIL_LENGTH - 1) + "…" : detail;
        events.save(new AuditEvent(actor, action, recordType, recordId, studentId, fits, clock.instant()));
    }

    /** The latest events an administrator may see (no case records, no student). */
    @Transactional(readOnly = true)
    public List<AuditEvent> latestAdministration() {
        return events.findTop100ByRecordTypeInAndStudentIdIsNullOrderByAtDesc(ADMINISTRATION);
    }

    /** One event per record viewed, so "who has seen this entry" has a complete answer. */
    @Transactional
    public void viewed(String actor, String recordType, Collection<Long> recordIds, Long studentId, String where) {
        if (recordIds.isEmpty()) {
            return;
        }
        List<AuditEvent> batch = recordIds.stream()
                .map(id -> new AuditEvent(actor, VIEW, recordType, id, studentId, where, clock.instant())).toList();
        events.saveAll(batch);
    }
}
