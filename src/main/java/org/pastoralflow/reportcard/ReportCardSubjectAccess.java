package org.pastoralflow.reportcard;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's report cards, every lesson's scores and every review: pastoral records. */
@Component
@Order(75)
class ReportCardSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    ReportCardSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Behaviour report cards";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from report_card where student_id = ? order by started_at, id", studentId)
                        .table("report-cards", "Report cards", "report-card", r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select s.* from report_card_score s join report_card c on c.id = s.report_card_id where c.student_id = ? "
                                + "order by s.lesson_day, s.period, s.target", studentId)
                        .table("report-card-scores", "Lesson scores on report cards", "report-card-score", r -> Confidentiality.PASTORAL),
                rows.query("select r.* from report_card_review r join report_card c on c.id = r.report_card_id where c.student_id = ? "
                                + "order by r.reviewed_at, r.id", studentId)
                        .table("report-card-reviews", "Reviews of report cards", "report-card-review", r -> Confidentiality.PASTORAL));
    }
}
