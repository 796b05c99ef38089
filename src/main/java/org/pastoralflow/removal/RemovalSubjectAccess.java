package org.pastoralflow.removal;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Removals from lessons of the student, with the room's register: pastoral. */
@Component
@Order(75)
class RemovalSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    RemovalSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Removals from lessons";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(rows.query("select * from removal where student_id = ? order by removed_at, id", studentId)
                .table("removals", "Removals from lessons", Removal.RECORD_TYPE, r -> Confidentiality.PASTORAL));
    }
}
