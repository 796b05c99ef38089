package org.pastoralflow.homevisit;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's home visits: each at its own level. */
@Component
@Order(80)
class HomeVisitSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    HomeVisitSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Home visits";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(rows.query("select * from home_visit where student_id = ? order by leaves_at, id", studentId)
                .table("home-visits", "Home visits", HomeVisit.RECORD_TYPE, r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
