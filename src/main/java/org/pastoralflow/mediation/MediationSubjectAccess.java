package org.pastoralflow.mediation;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Mediations the student was a party to, and their own part (the other parties' consent is
 * theirs). A mediation found unsuitable because of a safeguarding concern has that concern in its
 * suitability notes, so it is a safeguarding record.
 */
@Component
@Order(50)
class MediationSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    MediationSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Restorative mediation";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select m.* from mediation m where m.id in (select mediation_id from mediation_party where student_id = ?) "
                                + "order by m.requested_at, m.id", studentId)
                        .table("mediations", "Restorative mediations", "mediation",
                                r -> Boolean.parseBoolean(r.get("safeguarding_concern")) ? Confidentiality.SAFEGUARDING
                                        : Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select * from mediation_party where student_id = ? order by mediation_id", studentId)
                        .table("mediation-parties", "The student as a party to mediation", "mediation-party", r -> Confidentiality.PASTORAL));
    }
}
