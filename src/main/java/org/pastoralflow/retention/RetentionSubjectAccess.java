package org.pastoralflow.retention;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Retention decisions about the student's records, each at the confidentiality of the records it is about. */
@Component
@Order(100)
class RetentionSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    RetentionSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Retention";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(rows.query("select * from retention_review where student_id = ? order by listed_at, id", studentId)
                .table("retention-decisions", "Decisions to keep or destroy records past their retention date", "retention-review",
                        r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
