package org.pastoralflow.audit;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class AuditRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Audit trail", List.of("audit_event"),
                        "events about a student: the DSL, in a subject access export; administrators see the events about no student"));
    }
}
