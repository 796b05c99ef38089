package org.pastoralflow.security;

import java.util.List;

import org.springframework.stereotype.Component;

/** The audit trail holds ids of records about students (never their content): who reads it. */
@Component
class AuditTrailRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Audit trail", List.of("audit_event"),
                        "events about a student: the DSL, in a subject access export; administrators see the events about no student"));
    }
}
