package org.pastoralflow.homevisit;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Home visits, destroyed with the rest of a student's records at their level. */
@Component
@Order(10)
class HomeVisitRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    HomeVisitRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "home visits";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        return jdbc.update("delete from home_visit where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
