package org.pastoralflow.send;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SEN register entry with its support reviews, and the EHCP with its annual reviews: all SEND. */
@Component
@Order(12)
class SendRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    SendRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "the SEN register entry and EHCP (with their reviews)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        jdbc.update("delete from sen_support_review where sen_register_id in (select id from sen_register where student_id = ? "
                + "and confidentiality = ?)", studentId, confidentiality.name());
        jdbc.update("delete from ehcp_review where ehcp_plan_id in (select id from ehcp_plan where student_id = ? and confidentiality = ?)",
                studentId, confidentiality.name());
        return jdbc.update("delete from sen_register where student_id = ? and confidentiality = ?", studentId, confidentiality.name())
                + jdbc.update("delete from ehcp_plan where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
