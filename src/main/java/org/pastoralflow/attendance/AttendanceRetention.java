package org.pastoralflow.attendance;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Attendance concerns of that level (a ten-day absence alert is safeguarding); the weekly figures are pastoral. */
@Component
@Order(25)
class AttendanceRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    AttendanceRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "attendance concerns";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        return jdbc.update("delete from attendance_concern where student_id = ? and confidentiality = ?", studentId,
                confidentiality.name());
    }
}
