package org.pastoralflow.oncall;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Calls for help from a classroom about the student: pastoral, as the board shows them. */
@Component
@Order(70)
class OncallSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    OncallSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "On-call";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(rows.query("select * from oncall_call where student_id = ? order by raised_at, id", studentId)
                .table("oncall-calls", "Calls for help about the student", "oncall-call", r -> Confidentiality.PASTORAL));
    }
}
