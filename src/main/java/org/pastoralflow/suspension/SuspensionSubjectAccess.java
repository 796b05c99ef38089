package org.pastoralflow.suspension;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's suspensions, every column as stored, at each one's own level. */
@Component
@Order(55)
class SuspensionSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    SuspensionSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Suspension";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(rows.query("select * from suspension where student_id = ? order by starts_on, id", studentId)
                .table("suspensions", "Suspensions", SuspensionProcess.SOURCE_TYPE, r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
