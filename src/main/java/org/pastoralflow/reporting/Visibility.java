package org.pastoralflow.reporting;

import java.util.Arrays;
import java.util.List;

import org.pastoralflow.security.Confidentiality;
import org.pastoralflow.investigation.IncidentType;
import org.pastoralflow.security.Viewer;

/** Which records a viewer's counts may include, in the forms the SQL needs. */
final class Visibility {

    private Visibility() {
    }

    /** Names of the confidentialities the viewer reads, as stored ("PASTORAL", "SEND", "SAFEGUARDING"). */
    static List<String> readable(Viewer viewer) {
        List<String> names = Arrays.stream(Confidentiality.values()).filter(c -> c.visibleTo(viewer)).map(Enum::name).toList();
        // an empty "in ()" is not valid SQL; a name no row has keeps the query valid and counts nothing
        return names.isEmpty() ? List.of("NONE") : names;
    }

    static boolean seesSafeguarding(Viewer viewer) {
        return Confidentiality.SAFEGUARDING.visibleTo(viewer);
    }

    /** A referral's confidentiality from the group holding it, in SQL over the referral alias given. */
    static String referralConfidentiality(String alias) {
        return "case " + alias + ".route when 'dsl' then 'SAFEGUARDING' when 'senco' then 'SEND' else 'PASTORAL' end";
    }

    /**
     * An incident is a safeguarding record when of a safeguarding type or ticked as such (as
     * {@code Incident.isSafeguarding} decides), in SQL over the incident alias given.
     */
    static String incidentIsSafeguarding(String alias) {
        String types = Arrays.stream(IncidentType.values()).filter(IncidentType::isSafeguarding)
                .map(t -> "'" + t.code() + "'").collect(java.util.stream.Collectors.joining(", "));
        return "(" + alias + ".type in (" + types + ") or " + alias + ".safeguarding_indicator = true)";
    }
}
