package org.pastoralflow.behaviour;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Behaviour and achievement logs, the weekly follow-ups and the milestones: destroyed with the student's other records of their level. */
@Component
@Order(15)
class BehaviourRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    BehaviourRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "behaviour and achievement logs (with follow-ups and milestones)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        jdbc.update("delete from behaviour_follow_up where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
        jdbc.update("delete from behaviour_milestone where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
        return jdbc.update("delete from behaviour_log where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
