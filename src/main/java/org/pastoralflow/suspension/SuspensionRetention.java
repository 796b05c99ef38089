package org.pastoralflow.suspension;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Suspensions: before the incidents they follow, which they point at. */
@Component
@Order(5)
class SuspensionRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    SuspensionRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "suspensions";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        return jdbc.update("delete from suspension where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
