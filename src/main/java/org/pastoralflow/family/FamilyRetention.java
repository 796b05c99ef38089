package org.pastoralflow.family;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Contacts with home logged at the level being destroyed (a DSL's call about a child protection
 * worry is safeguarding). The parents' and carers' contact details are the MIS's, replaced by each
 * import, and are not case records.
 */
@Component
@Order(22)
class FamilyRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    FamilyRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "contacts with home";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        return jdbc.update("delete from contact_log where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
