package org.pastoralflow.attendance;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Weekly attendance from the MIS and attendance concerns: pastoral, as the dashboards count them. */
@Component
@Order(60)
class AttendanceSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    AttendanceSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Attendance";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from attendance_week where student_id = ? order by week_commencing", studentId)
                        .table("attendance-weeks", "Weekly attendance from the MIS", "attendance-week", r -> Confidentiality.PASTORAL),
                rows.query("select * from attendance_concern where student_id = ? order by opened_at, id", studentId)
                        .table("attendance-concerns", "Attendance concerns", "attendance-concern",
                                r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
