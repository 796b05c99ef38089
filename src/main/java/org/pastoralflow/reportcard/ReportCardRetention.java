package org.pastoralflow.reportcard;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Report cards, with every lesson's scores and every review. */
@Component
@Order(10)
class ReportCardRetention implements RetainedRecords {

    private static final String CARDS = "select id from report_card where student_id = ? and confidentiality = ?";

    private final JdbcTemplate jdbc;

    ReportCardRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "report cards (with their scores and reviews)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        jdbc.update("delete from report_card_score where report_card_id in (" + CARDS + ")", studentId, confidentiality.name());
        jdbc.update("delete from report_card_review where report_card_id in (" + CARDS + ")", studentId, confidentiality.name());
        return jdbc.update("delete from report_card where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
