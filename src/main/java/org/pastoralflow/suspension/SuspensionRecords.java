package org.pastoralflow.suspension;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class SuspensionRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(new Kind("Suspension", List.of("suspension"),
                "pastoral; safeguarding when the incident it follows is a safeguarding one", SuspensionProcess.KEY));
    }
}
