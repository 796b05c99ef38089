package org.pastoralflow.agencymeeting;

import org.pastoralflow.casefile.RetainedRecords;
import org.pastoralflow.security.Confidentiality;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Meeting series, with their meetings and the actions agreed (an action is as confidential as its series). */
@Component
@Order(25)
class AgencyMeetingRetention implements RetainedRecords {

    private final JdbcTemplate jdbc;

    AgencyMeetingRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String describe() {
        return "multi-agency meeting series (with their meetings, minutes and actions)";
    }

    @Override
    public int destroy(Long studentId, Confidentiality confidentiality) {
        jdbc.update("delete from agency_action where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
        jdbc.update("delete from agency_meeting where series_id in (select id from agency_meeting_series where student_id = ? "
                + "and confidentiality = ?)", studentId, confidentiality.name());
        return jdbc.update("delete from agency_meeting_series where student_id = ? and confidentiality = ?", studentId, confidentiality.name());
    }
}
