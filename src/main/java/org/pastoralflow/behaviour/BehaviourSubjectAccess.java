package org.pastoralflow.behaviour;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Behaviour and achievement logs, weekly follow-ups and milestones: pastoral. */
@Component
@Order(65)
class BehaviourSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    BehaviourSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Behaviour and achievement";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from behaviour_log where student_id = ? order by occurred_at, id", studentId)
                        .table("behaviour-logs", "Behaviour and achievement logs", BehaviourProcess.SOURCE_LOG,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select * from behaviour_follow_up where student_id = ? order by raised_at, id", studentId)
                        .table("behaviour-follow-ups", "Behaviour follow-ups", BehaviourProcess.SOURCE_FOLLOW_UP,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select * from behaviour_milestone where student_id = ? order by reached_at, id", studentId)
                        .table("achievement-milestones", "Achievement milestones", BehaviourProcess.SOURCE_MILESTONE,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
