package org.pastoralflow.transition;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The student's leaving: when, why and where to is known to whoever recorded it; whether there
 * was a child protection file and how it was transferred is the DSL's (the leavers' pages), so it
 * is a record of its own.
 */
@Component
@Order(90)
class LeaverSubjectAccess implements SubjectAccessPart {

    static final String[] TRANSFER = {"transfer_due_on", "has_cp_file", "sent_to", "sent_on", "sent_how", "sent_by",
            "no_destination_notes", "export_sha256", "exported_by", "exported_at", "receipt_on", "receipt_from", "receipt_recorded_by"};

    private final StoredRows rows;

    LeaverSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Leaving";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from leaver where student_id = ? order by recorded_at, id", studentId).without(TRANSFER)
                        .table("leavers", "Leaving the school", "leaver", r -> Confidentiality.PASTORAL),
                rows.query("select id, reference, " + String.join(", ", TRANSFER) + " from leaver where student_id = ? order by recorded_at, id",
                                studentId)
                        .table("leaver-child-protection-file", "Transfer of the child protection file", "leaver-cp-file",
                                r -> Confidentiality.SAFEGUARDING));
    }
}
