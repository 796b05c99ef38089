package org.pastoralflow.homevisit;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class HomeVisitRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("Home visit", List.of("home_visit"),
                "pastoral, or safeguarding when a DSL plans it so; overdue on the on-call board: the visitors and their phone to the "
                        + "board's responders, the address and the student only to those who may read the visit", HomeVisitProcess.KEY));
    }
}
