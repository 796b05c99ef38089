package org.pastoralflow.send;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The pupil's SEN register entry, support reviews, EHCP and annual reviews: SEND records. */
@Component
@Order(80)
class SendSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    SendSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "SEN register and EHCP reviews";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from sen_register where student_id = ?", studentId)
                        .table("sen-register", "SEN register entry", SenEntry.RECORD_TYPE, r -> Confidentiality.SEND),
                rows.query("select r.* from sen_support_review r join sen_register e on e.id = r.sen_register_id where e.student_id = ? "
                                + "order by r.reviewed_on, r.id", studentId)
                        .table("sen-support-reviews", "SEN support reviews", "sen-support-review", r -> Confidentiality.SEND),
                rows.query("select * from ehcp_plan where student_id = ?", studentId)
                        .table("ehcp", "Education, Health and Care plan", EhcpPlan.RECORD_TYPE, r -> Confidentiality.SEND),
                rows.query("select r.* from ehcp_review r join ehcp_plan p on p.id = r.ehcp_plan_id where p.student_id = ? "
                                + "order by r.due_on, r.id", studentId)
                        .table("ehcp-reviews", "EHCP annual reviews", "ehcp-review", r -> Confidentiality.SEND));
    }
}
