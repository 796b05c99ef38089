package org.pastoralflow.intervention;

import java.util.List;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Places in intervention groups of the level being destroyed (a group the SENCO runs is send): the
 * student's membership, scores and register marks now; the group, its sessions and notes with its
 * last member, since a group is about all of them.
 */
@Component
@Order(24)
class InterventionRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    InterventionRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "places in intervention groups (and groups with no member left)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        List<Long> groups = jdbc.queryForList("select g.id from intervention_group g join intervention_member m on m.group_id = g.id"
                + " where m.student_id = ? and g.confidentiality = ?", Long.class, studentId, confidentiality.name());
        int places = 0;
        for (Long group : groups) {
            jdbc.update("delete from intervention_mark where member_id in (select id from intervention_member"
                    + " where group_id = ? and student_id = ?)", group, studentId);
            places += jdbc.update("delete from intervention_member where group_id = ? and student_id = ?", group, studentId);
            Integer left = jdbc.queryForObject("select count(*) from intervention_member where group_id = ?", Integer.class, group);
            if (left != null && left == 0) {
                jdbc.update("delete from intervention_mark where session_id in (select id from intervention_session where group_id = ?)",
                        group);
                jdbc.update("delete from intervention_session where group_id = ?", group);
                jdbc.update("delete from intervention_group where id = ?", group);
            }
        }
        return places;
    }
}
