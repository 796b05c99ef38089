package org.pastoralflow.letters;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Letters and e-mails home sent at the level being destroyed, with the text that was sent, and an
 * e-mail's outbox row (which holds the same text); the templates are the school's, about no child.
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
        return "letters home (and the e-mails home in the outbox)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        // an e-mail home's outbox row holds the text sent, as the letter does: it goes with the letter
        jdbc.update("delete from notification where to_family and id in (select notification_id from letter where student_id = ? "
                + "and confidentiality = ?)", studentId, confidentiality.name());
        return jdbc.update("delete from letter where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
