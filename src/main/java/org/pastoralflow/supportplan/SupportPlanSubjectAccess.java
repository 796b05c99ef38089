package org.pastoralflow.supportplan;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Support plans, each at its own confidentiality, and the sessions logged against them at their plan's. */
@Component
@Order(30)
class SupportPlanSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    SupportPlanSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Support plans";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from support_plan where student_id = ? order by started_on, id", studentId)
                        .table("support-plans", "Support plans", "support-plan", r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select ps.*, p.confidentiality as plan_confidentiality from plan_session ps "
                                + "join support_plan p on p.id = ps.plan_id where p.student_id = ? order by ps.held_on, ps.id", studentId)
                        .table("plan-sessions", "Support plan sessions", "plan-session",
                                r -> Confidentiality.valueOf(r.get("plan_confidentiality"))));
    }
}
