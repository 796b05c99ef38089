package org.pastoralflow.agencymeeting;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Meeting series, with their meetings, the actions agreed and the invitations sent (each as confidential as its series). */
@Component
@Order(25)
class AgencyMeetingRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    AgencyMeetingRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "multi-agency meeting series (with their meetings, minutes, actions and the invitations e-mailed)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        jdbc.update("delete from agency_action where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
        // the invitations' outbox rows hold the same text as the notices: they go with them
        jdbc.update("delete from notification where to_family and id in (select notification_id from agency_meeting_notice where student_id = ? "
                + "and confidentiality = ?)", studentId, confidentiality.name());
        jdbc.update("delete from agency_meeting_notice where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
        jdbc.update("delete from agency_meeting where series_id in (select id from agency_meeting_series where student_id = ? "
                + "and confidentiality = ?)", studentId, confidentiality.name());
        return jdbc.update("delete from agency_meeting_series where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
