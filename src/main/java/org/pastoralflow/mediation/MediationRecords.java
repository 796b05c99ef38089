package org.pastoralflow.mediation;

import java.util.List;

import org.pastoralflow.security.ConfidentialRecords;
import org.springframework.stereotype.Component;

/** What this feature keeps about students, and who may read it (docs/security.md, "The confidentiality model"). */
@Component
class MediationRecords implements ConfidentialRecords {

    @Override
    public List<Kind> kinds() {
        return List.of(
                new Kind("Restorative mediation", List.of("mediation", "mediation_party"),
                        "pastoral; safeguarding when started from a safeguarding incident", MediationProcess.KEY));
    }
}
