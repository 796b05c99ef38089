package org.pastoralflow.casefile;

import java.util.List;

import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The whole chronology, every confidentiality, oldest first: each entry keeps its own confidentiality. */
@Component
@Order(10)
class ChronologySubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    ChronologySubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Chronology";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(rows.query("select * from chronology_entry where student_id = ? order by occurred_at, id", studentId)
                .table("chronology", "Chronology: every entry in the case file", CaseStore.ENTRY,
                        r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
