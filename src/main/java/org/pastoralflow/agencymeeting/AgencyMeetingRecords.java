package org.pastoralflow.agencymeeting;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class AgencyMeetingRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Multi-agency meeting series", List.of("agency_meeting_series", "agency_meeting", "agency_meeting_notice"),
                        "safeguarding for child protection and Child in Need series; Early Help and PEP at the level the DSL chose",
                        AgencyMeetingProcess.KEY),
                new Kind("Action agreed at a multi-agency meeting", List.of("agency_action"),
                        "as its series; a named owner who could not read the series is given the action alone (a share)",
                        AgencyMeetingProcess.ACTION_KEY));
    }
}
