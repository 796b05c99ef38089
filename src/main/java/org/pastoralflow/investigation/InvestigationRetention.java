package org.pastoralflow.investigation;

import java.util.List;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Incidents of the level being destroyed that the student was part of. An incident is about
 * several students and each reaches the retention date on their own birthday: the student's part
 * (their role and sanction, their statement) goes now, and the incident itself (its account, the
 * other checklist items, files, the use-of-force record) goes with the last of its students.
 */
@Component
@Order(20)
class InvestigationRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    InvestigationRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "parts in incidents (and incidents with no student left)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        List<Long> incidents = jdbc.queryForList("select i.id from incident i join incident_student s on s.incident_id = i.id"
                + " where s.student_id = ? and i.confidentiality = ?", Long.class, studentId, confidentiality.name());
        int parts = 0;
        for (Long incident : incidents) {
            jdbc.update("delete from incident_check where incident_id = ? and student_id = ?", incident, studentId);
            parts += jdbc.update("delete from incident_student where incident_id = ? and student_id = ?", incident, studentId);
            Integer left = jdbc.queryForObject("select count(*) from incident_student where incident_id = ?", Integer.class, incident);
            if (left != null && left == 0) {
                for (String table : List.of("incident_check", "incident_attachment", "use_of_force", "suspension")) {
                    jdbc.update("delete from " + table + " where incident_id = ?", incident);
                }
                jdbc.update("delete from incident where id = ?", incident);
            }
        }
        return parts;
    }
}
