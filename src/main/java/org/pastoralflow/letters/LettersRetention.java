package org.pastoralflow.letters;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Letters and e-mails home sent at the level being destroyed, with the text that was sent; the
 * templates are the school's, about no child.
 */
@Component
@Order(21)
class LettersRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    LettersRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "letters home";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        return jdbc.update("delete from letter where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
