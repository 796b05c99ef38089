package org.pastoralflow.casefile;

import java.util.List;

import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who viewed, exported or changed the student's records. Views are audited only for safeguarding
 * records, and exports name child protection files, so the trail itself says what safeguarding
 * records exist: it is read with them.
 */
@Component
@Order(110)
class AuditSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    AuditSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Audit trail";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(rows.query("select * from audit_event where student_id = ? order by at, id", studentId)
                .table("audit-trail", "Who has viewed, exported or changed the student's records", "audit-event",
                        r -> Confidentiality.SAFEGUARDING));
    }
}
