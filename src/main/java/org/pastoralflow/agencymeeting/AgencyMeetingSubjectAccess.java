package org.pastoralflow.agencymeeting;

import java.util.List;

import org.pastoralflow.casefile.StoredRows;
import org.pastoralflow.casefile.SubjectAccessPart;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The student's meeting series, every meeting's minutes and every action agreed: each at its series' level, for the DSL's review. */
@Component
@Order(85)
class AgencyMeetingSubjectAccess implements SubjectAccessPart {

    private final StoredRows rows;

    AgencyMeetingSubjectAccess(StoredRows rows) {
        this.rows = rows;
    }

    @Override
    public String feature() {
        return "Multi-agency meetings";
    }

    @Override
    public List<Table> heldAbout(Long studentId) {
        return List.of(
                rows.query("select * from agency_meeting_series where student_id = ? order by opened_at, id", studentId)
                        .table("agency-meeting-series", "Multi-agency meeting series", AgencyMeetingProcess.SOURCE_TYPE,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select m.id, m.series_id, m.held_on, m.invited, m.attended, m.minutes, m.recorded_by, m.recorded_at, "
                                + "s.confidentiality from agency_meeting m join agency_meeting_series s on s.id = m.series_id "
                                + "where s.student_id = ? order by m.held_on, m.id", studentId)
                        .table("agency-meetings", "Multi-agency meetings and their minutes", AgencyMeetingProcess.SOURCE_TYPE,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select * from agency_action where student_id = ? order by due_on, id", studentId)
                        .table("agency-actions", "Actions agreed at multi-agency meetings", AgencyMeetingProcess.ACTION_SOURCE_TYPE,
                                r -> Confidentiality.valueOf(r.get("confidentiality"))),
                rows.query("select * from agency_meeting_notice where student_id = ? order by sent_at, id", studentId)
                        .table("agency-meeting-notices", "Invitations and notices of moved meetings e-mailed",
                                AgencyMeetingProcess.SOURCE_TYPE, r -> Confidentiality.valueOf(r.get("confidentiality"))));
    }
}
