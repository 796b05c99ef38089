package org.pastoralflow.intervention;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The pupil's places in intervention groups: each membership (the group, its intervention and scale, the
 * entry and exit scores, a withdrawal) and each register mark (present or absent, with its reason), at the
 * group's level. Only the pupil's own rows: not the other members, and not the group's notes or session
 * notes, which are about the group as a whole and may speak of the others (ADR 0015: each feature says what
 * of its records is about the pupil).
 */
@Component
@Order(32)
class InterventionSubjectAccess implements SubjectAccessPart {

    static final String MARK_RECORD_TYPE = "intervention-mark";

    private final StoredRows rows;

    InterventionSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Intervention groups";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                // the pupil's own rows whole (a new column reaches the export), the group's only as far as naming it
                rows.query("select m.*, i.name as intervention, i.scale, g.name as group_name, g.staff, g.first_session, "
                                + "g.session_count, g.confidentiality from intervention_member m join intervention_group g on g.id = m.group_id "
                                + "join intervention i on i.id = g.intervention_id where m.student_id = ? order by m.joined_on, m.id", studentId)
                        .table("intervention-groups", "Intervention groups", GroupMember.RECORD_TYPE,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select k.*, g.name as group_name, s.number as session_number, s.held_on, s.recorded_by, "
                                + "g.confidentiality from intervention_mark k join intervention_session s on s.id = k.session_id "
                                + "join intervention_member m on m.id = k.member_id join intervention_group g on g.id = s.group_id "
                                + "where m.student_id = ? order by s.held_on, s.number, k.id", studentId)
                        .table("intervention-sessions", "Intervention sessions attended or missed", MARK_RECORD_TYPE,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
