package org.pastoralflow.mediation;

import java.util.List;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Mediations of that level the student was a party to: their part now, the mediation with its last party. */
@Component
@Order(18)
class MediationRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    MediationRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "parts in mediations (and mediations with no party left)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        List<Long> mediations = jdbc.queryForList("select m.id from mediation m join mediation_party p on p.mediation_id = m.id"
                + " where p.student_id = ? and m.confidentiality = ?", Long.class, studentId, confidentiality.name());
        int parts = 0;
        for (Long mediation : mediations) {
            parts += jdbc.update("delete from mediation_party where mediation_id = ? and student_id = ?", mediation, studentId);
            Integer left = jdbc.queryForObject("select count(*) from mediation_party where mediation_id = ?", Integer.class, mediation);
            if (left != null && left == 0) {
                jdbc.update("delete from mediation where id = ?", mediation);
            }
        }
        return parts;
    }
}
